package org.dyad.views.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.register.RegisterRow;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.sipri.SipriNames;
import org.dyad.sipri.SipriRow;
import org.dyad.sipri.SipriTradeRegisterWriter;
import org.dyad.views.query.RegisterReleases;
import org.dyad.views.query.ViewDocuments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Writes deals in SIPRI's trade-register layout. A release of the register is written losslessly: exactly the rows
 * it listed, in its line order, each cell as SIPRI wrote it. Otherwise every deal is written: a deal that came from
 * the register as its latest release wrote it, any other deal derived from Dyad's reading of it, one row per deal
 * item, with what was ordered (the year of order from its contract when it has one, else from its first report),
 * what was delivered in which years, the item's condition, the deal's terms and cancellation in the comments, and
 * SIPRI's trend-indicator values where Dyad holds them.
 */
@Component
public class TradeRegisterExport {

    private final JdbcTemplate jdbc;
    private final RegisterReleases releases;

    TradeRegisterExport(JdbcTemplate jdbc, RegisterReleases releases) {
        this.jdbc = jdbc;
        this.releases = releases;
    }

    /** Every deal: register deals as last written, the others derived. */
    public void write(Writer out) throws IOException {
        SipriTradeRegisterWriter.writePreamble(out, null);
        try {
            jdbc.query("SELECT doc FROM views.deal ORDER BY recipient, supplier, reported_from, deal_id",
                    rs -> {
                        write(ViewDocuments.readTree(rs.getString(1)), out);
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /** The rows the release listed, in its line order, each cell as written. */
    public void write(RegisterReleases.Release release, Writer out) throws IOException {
        SipriTradeRegisterWriter.writePreamble(out, release.releasedOn());
        try {
            releases.listedRows(release, row -> {
                try {
                    SipriTradeRegisterWriter.writeRow(out, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private static void write(JsonNode deal, Writer out) {
        try {
            JsonNode registerRow = deal.path("register").path("row");
            if (registerRow.isObject()) {
                SipriTradeRegisterWriter.writeRow(out, DyadJson.mapper().treeToValue(registerRow, RegisterRow.class));
                return;
            }
            for (SipriRow row : rows(deal)) {
                SipriTradeRegisterWriter.writeRow(out, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SipriRow> rows(JsonNode deal) {
        List<SipriRow> rows = new ArrayList<>();
        String reportedOn = deal.path("reportedOn").asText();
        // the year the deal was ordered: its contract's when it has one, else its first report's
        String orderedOn = deal.hasNonNull("contractedOn") ? deal.path("contractedOn").asText() : reportedOn;
        Integer orderYear = Integer.valueOf(orderedOn.replace("~", "").substring(0, 4));
        BigDecimal tivTotal = null;
        for (JsonNode claim : deal.path("estimates")) {
            JsonNode estimate = claim.path("estimate");
            if ("TIV".equals(estimate.path("currency").asText()) && estimate.hasNonNull("amount")) {
                tivTotal = estimate.path("amount").decimalValue();
            }
        }
        JsonNode items = deal.path("items");
        for (JsonNode item : items) {
            String designation = item.path("designation").asText();
            // SIPRI writes 0, never nothing, for an item of which no delivery is known.
            Integer delivered = 0;
            boolean deliveredUncertain = false;
            boolean yearsUncertain = false;
            TreeSet<Integer> years = new TreeSet<>();
            for (JsonNode tranche : deal.path("deliveries")) {
                for (JsonNode part : tranche.path("items")) {
                    if (designation.equals(part.path("designation").asText())) {
                        delivered = part.hasNonNull("quantity") && delivered != null
                                ? delivered + part.path("quantity").asInt() : null;
                        deliveredUncertain |= part.path("quantityUncertain").asBoolean();
                        List<JsonNode> dates = new ArrayList<>();
                        tranche.path("spreadOver").forEach(dates::add);
                        if (dates.isEmpty()) {
                            dates.add(tranche.path("deliveredOn"));
                        }
                        for (JsonNode date : dates) {
                            yearsUncertain |= date.asText().startsWith("~");
                            years.add(Integer.valueOf(date.asText().replace("~", "").substring(0, 4)));
                        }
                    }
                }
            }
            Integer ordered = item.hasNonNull("quantity") ? item.path("quantity").asInt() : null;
            BigDecimal perUnit = items.size() == 1 && tivTotal != null && ordered != null && ordered > 0
                    ? tivTotal.divide(BigDecimal.valueOf(ordered), 2, RoundingMode.HALF_UP).stripTrailingZeros()
                    : null;
            BigDecimal tivDelivered = perUnit != null && delivered != null && delivered > 0
                    ? perUnit.multiply(BigDecimal.valueOf(delivered)).stripTrailingZeros() : null;
            rows.add(new SipriRow(0, SipriNames.nameOf(deal.path("recipient").asText()),
                    SipriNames.nameOf(deal.path("supplier").asText()), orderYear, orderedOn.startsWith("~"),
                    ordered, item.path("quantityUncertain").asBoolean(), designation,
                    item.path("description").asText(null), delivered, deliveredUncertain, List.copyOf(years),
                    yearsUncertain, condition(item.path("condition").asText(null)), comments(deal), perUnit,
                    items.size() == 1 ? tivTotal : null, tivDelivered));
        }
        return rows;
    }

    private static String condition(String condition) {
        if (condition == null) {
            return null;
        }
        return switch (condition) {
            case "NEW" -> "New";
            case "SECOND_HAND" -> "Second hand";
            case "SECOND_HAND_MODERNISED" -> "Second hand but modernized";
            default -> condition.toLowerCase(Locale.ROOT);
        };
    }

    /** SIPRI notes terms and cancellations in the comments; so does the export. */
    private static String comments(JsonNode deal) {
        List<String> notes = new ArrayList<>();
        JsonNode terms = deal.path("terms");
        if (terms.path("licensedProduction").asBoolean()) {
            notes.add("produced under licence");
        }
        if (terms.path("lease").asBoolean()) {
            notes.add("lease");
        }
        if (terms.path("aid").asBoolean()) {
            notes.add("aid");
        }
        if ("CANCELLED".equals(deal.path("status").asText())) {
            notes.add("cancelled");
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }
}
