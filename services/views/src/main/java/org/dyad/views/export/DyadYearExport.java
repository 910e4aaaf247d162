package org.dyad.views.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.common.PartialDate;
import org.dyad.views.query.ViewDocuments;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dyad-year panel: one row per supplier, recipient and year, for every year from {@code from} (else the pair's
 * first year of order or delivery) to {@code to} (else its last), years without activity as zeros.
 * <ul>
 *   <li>deliveries: units delivered that year and their TIV, counted by year of delivery as SIPRI counts TIV. A
 *   tranche delivered over several years has its units divided evenly among them (the remainder to the earliest
 *   years); its TIV is the deal's latest TIV estimate times the share of the deal's ordered units delivered that
 *   year (none when the ordered units are unknown);</li>
 *   <li>orders: deals ordered that year (the year of the contract, else of the first report, as SIPRI's year of
 *   order) and their units, and the sum of those deals' latest estimates per currency (low and high ends), without
 *   cancelled or superseded deals;</li>
 *   <li>agreements in force: agreements both take part in that had entered into force by the end of the year and
 *   had not ended before it began.</li>
 * </ul>
 * Deals are read by pair, a page at a time; a pair's rows are written once its last deal is read, so memory holds
 * one pair's years.
 */
@Component
public class DyadYearExport {

    private static final Set<String> NOT_ORDERED = Set.of("CANCELLED", "SUPERSEDED");

    private final NamedParameterJdbcTemplate jdbc;
    private final ViewDocuments documents;
    private final ExportCurrencies currencies;
    private final ExportSettings settings;

    DyadYearExport(NamedParameterJdbcTemplate jdbc, ViewDocuments documents, ExportCurrencies currencies,
                   ExportSettings settings) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.currencies = currencies;
        this.settings = settings;
    }

    static List<TidyColumn> columns(List<String> currencies) {
        List<TidyColumn> columns = new ArrayList<>(ActorColumns.of("supplier"));
        columns.addAll(ActorColumns.of("recipient"));
        columns.add(TidyColumn.integer("year"));
        columns.add(TidyColumn.integer("deliveries_units"));
        columns.add(TidyColumn.number("deliveries_tiv"));
        columns.add(TidyColumn.integer("deliveries_deals"));
        columns.add(TidyColumn.integer("orders_deals"));
        columns.add(TidyColumn.integer("orders_units"));
        for (String currency : currencies) {
            columns.add(TidyColumn.number("orders_value_" + currency.toLowerCase() + "_low"));
            columns.add(TidyColumn.number("orders_value_" + currency.toLowerCase() + "_high"));
        }
        columns.add(TidyColumn.integer("agreements_in_force"));
        columns.add(TidyColumn.text("agreement_ids"));
        return columns;
    }

    public void write(ExportFilter filter, TidyFormat format, OutputStream out) throws IOException {
        List<String> currencyList = currencies.ofDeals();
        TidyRowWriter rows = TidyRowWriter.open(format, columns(currencyList), out, settings.rowGroupBytes());
        Pair pair = null;
        String[] after = {"", "", ""};
        while (true) {
            List<String[]> keys = page(filter, after);
            if (keys.isEmpty()) {
                break;
            }
            after = keys.get(keys.size() - 1);
            Map<String, ObjectNode> deals = new LinkedHashMap<>();
            documents.dealSummaries(keys.stream().map(k -> k[2]).toList(), filter.asOf(), filter.knownAt())
                    .forEach(d -> deals.put(d.path("dealId").asText(), d));
            for (String[] key : keys) {
                if (pair == null || !pair.is(key[0], key[1])) {
                    if (pair != null) {
                        writePair(pair, filter, currencyList, rows);
                    }
                    pair = new Pair(key[0], key[1]);
                }
                ObjectNode deal = deals.get(key[2]);
                if (deal != null) {
                    pair.add(deal, currencyList);
                }
            }
            rows.flush();
            out.flush();
        }
        if (pair != null) {
            writePair(pair, filter, currencyList, rows);
        }
        rows.finish();
        out.flush();
    }

    /** The next page of (supplier, recipient, deal id) after the last one read. */
    private List<String[]> page(ExportFilter filter, String[] after) {
        StringBuilder sql = new StringBuilder("SELECT supplier, recipient, deal_id FROM views.deal"
                + " WHERE (supplier, recipient, deal_id) > (:s, :r, :d)");
        MapSqlParameterSource params = new MapSqlParameterSource("s", after[0]).addValue("r", after[1])
                .addValue("d", after[2]).addValue("limit", settings.pageSize());
        DealSelection.narrow(ExportFilter.of(filter.supplier(), filter.recipient(), null, null, null, null), sql,
                params);
        sql.append(" ORDER BY supplier, recipient, deal_id LIMIT :limit");
        return jdbc.query(sql.toString(), params, (rs, n) -> new String[]{rs.getString(1), rs.getString(2),
                rs.getString(3)});
    }

    private void writePair(Pair pair, ExportFilter filter, List<String> currencyList, TidyRowWriter rows)
            throws IOException {
        if (pair.years.isEmpty() && (filter.from() == null || filter.to() == null)) {
            return;
        }
        int first = filter.from() != null ? filter.from() : pair.years.firstKey();
        int last = filter.to() != null ? filter.to() : pair.years.lastKey();
        if (first > last) {
            return;
        }
        List<JsonNode> agreements = agreements(pair, filter);
        List<Object> supplierColumns = ActorColumns.values(pair.supplier);
        List<Object> recipientColumns = ActorColumns.values(pair.recipient);
        for (int year = first; year <= last; year++) {
            Year cell = pair.years.getOrDefault(year, new Year());
            List<Object> row = new ArrayList<>(supplierColumns);
            row.addAll(recipientColumns);
            row.add(year);
            row.add(cell.deliveredUnits);
            row.add(cell.deliveredTiv);
            row.add(cell.deliveringDeals.size());
            row.add(cell.orderedDeals);
            row.add(cell.orderedUnits);
            for (String currency : currencyList) {
                BigDecimal[] value = cell.orderedValues.get(currency);
                row.add(value == null ? null : value[0]);
                row.add(value == null ? null : value[1]);
            }
            StringJoiner inForce = new StringJoiner("; ");
            for (JsonNode agreement : agreements) {
                if (inForce(agreement, year)) {
                    inForce.add(agreement.path("agreementId").asText());
                }
            }
            row.add(inForce.length() == 0 ? 0 : inForce.toString().split("; ").length);
            row.add(inForce.length() == 0 ? null : inForce.toString());
            rows.write(row.toArray());
        }
    }

    /** The agreements both of the pair take part in (as parties or as actors they concern), at the times asked. */
    private List<JsonNode> agreements(Pair pair, ExportFilter filter) {
        List<String> ids = jdbc.queryForList("""
                SELECT a.agreement_id FROM views.agreement_actor a
                JOIN views.agreement_actor b ON b.agreement_id = a.agreement_id
                WHERE a.actor = :supplier AND b.actor = :recipient ORDER BY a.agreement_id""",
                new MapSqlParameterSource("supplier", pair.supplier).addValue("recipient", pair.recipient),
                String.class);
        return new ArrayList<>(documents.of(ViewDocuments.Kind.AGREEMENT, ids, filter.asOf(), filter.knownAt()));
    }

    static boolean inForce(JsonNode agreement, int year) {
        PartialDate entered = DealFacts.date(agreement.path("enteredIntoForceOn"));
        if (entered == null || entered.year() > year) {
            return false;
        }
        PartialDate ended = DealFacts.date(agreement.path("endedOn"));
        return ended == null || ended.year() >= year;
    }

    /** One pair's activity by year. */
    static final class Pair {
        final String supplier;
        final String recipient;
        final TreeMap<Integer, Year> years = new TreeMap<>();

        Pair(String supplier, String recipient) {
            this.supplier = supplier;
            this.recipient = recipient;
        }

        boolean is(String supplier, String recipient) {
            return this.supplier.equals(supplier) && this.recipient.equals(recipient);
        }

        void add(JsonNode deal, List<String> currencies) {
            String dealId = deal.path("dealId").asText();
            Integer orderYear = DealFacts.orderYear(deal);
            Integer unitsOrdered = DealFacts.unitsOrdered(deal);
            if (orderYear != null && !NOT_ORDERED.contains(deal.path("status").asText())) {
                Year ordered = year(orderYear);
                ordered.orderedDeals++;
                if (unitsOrdered != null) {
                    ordered.orderedUnits += unitsOrdered;
                }
                for (String currency : currencies) {
                    JsonNode claim = DealFacts.latestClaim(deal, currency);
                    if (claim != null) {
                        BigDecimal low = DealFacts.low(claim.path("estimate"));
                        BigDecimal high = DealFacts.high(claim.path("estimate"));
                        BigDecimal[] sum = ordered.orderedValues.computeIfAbsent(currency,
                                c -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                        sum[0] = sum[0].add(low == null ? BigDecimal.ZERO : low);
                        sum[1] = sum[1].add(high == null ? BigDecimal.ZERO : high);
                    }
                }
            }
            JsonNode tivClaim = DealFacts.latestClaim(deal, "TIV");
            BigDecimal tiv = tivClaim == null ? null : DealFacts.high(tivClaim.path("estimate"));
            for (JsonNode tranche : deal.path("deliveries")) {
                for (Map.Entry<Integer, Integer> delivered : DealFacts.unitsByYear(tranche).entrySet()) {
                    Year cell = year(delivered.getKey());
                    cell.deliveringDeals.add(dealId);
                    Integer units = delivered.getValue();
                    if (units == null) {
                        continue;
                    }
                    cell.deliveredUnits += units;
                    if (tiv != null && unitsOrdered != null && unitsOrdered > 0) {
                        BigDecimal share = tiv.multiply(BigDecimal.valueOf(units))
                                .divide(BigDecimal.valueOf(unitsOrdered), MathContext.DECIMAL64);
                        cell.deliveredTiv = cell.deliveredTiv.add(share);
                    }
                }
            }
        }

        private Year year(int year) {
            return years.computeIfAbsent(year, y -> new Year());
        }
    }

    /** A pair's activity in one year. */
    static final class Year {
        long deliveredUnits;
        BigDecimal deliveredTiv = BigDecimal.ZERO;
        final Set<String> deliveringDeals = new TreeSet<>();
        long orderedDeals;
        long orderedUnits;
        final Map<String, BigDecimal[]> orderedValues = new TreeMap<>();
    }
}
