package org.dyad.views.query;

import org.dyad.contracts.common.Estimate;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.query.DealSummary;
import org.dyad.contracts.query.EstimateClaim;
import org.dyad.contracts.query.EstimateTotal;
import org.dyad.contracts.query.FetchDeals;
import org.dyad.contracts.query.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads deals with their latest estimates per source from the views. */
@Component
public class DealReader {

    /** The status filter values besides the stage names. */
    public static final String PENDING = "PENDING";
    public static final String ALL = "ALL";

    private record DealRow(String dealId, String supplier, String recipient, DealStage stage, String items,
                           PartialDate reportedOn, long version) {
    }

    private static final RowMapper<DealRow> DEAL_ROW = (rs, n) -> new DealRow(rs.getString("deal_id"),
            rs.getString("supplier"), rs.getString("recipient"), DealStage.valueOf(rs.getString("stage")),
            rs.getString("items"), PartialDate.parse(rs.getString("reported_on")), rs.getLong("version"));

    private static final String DEAL_COLUMNS =
            "deal_id, supplier, recipient, stage, items, reported_on, version FROM views.deal";

    private final NamedParameterJdbcTemplate jdbc;

    DealReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DealSummary> byId(String dealId) {
        return summaries(jdbc.query("SELECT " + DEAL_COLUMNS + " WHERE deal_id = :id",
                Map.of("id", dealId), DEAL_ROW)).stream().findFirst();
    }

    /** Deals between two actors in either direction, earliest report first. */
    public List<DealSummary> between(String a, String b) {
        return summaries(jdbc.query("SELECT " + DEAL_COLUMNS + """
                         WHERE (supplier = :a AND recipient = :b) OR (supplier = :b AND recipient = :a)
                        ORDER BY reported_on_earliest, deal_id""",
                Map.of("a", a, "b", b), DEAL_ROW));
    }

    public Page<DealSummary> find(FetchDeals query) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (PENDING.equals(query.status())) {
            where.append(" AND pending");
        } else if (!ALL.equals(query.status())) {
            where.append(" AND stage = :stage");
            params.addValue("stage", query.status());
        }
        if (query.supplier() != null) {
            where.append(" AND supplier = :supplier");
            params.addValue("supplier", query.supplier());
        }
        if (query.recipient() != null) {
            where.append(" AND recipient = :recipient");
            params.addValue("recipient", query.recipient());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM views.deal" + where, params, Long.class);
        params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        List<DealRow> rows = jdbc.query("SELECT " + DEAL_COLUMNS + where
                + " ORDER BY reported_on_earliest DESC, deal_id LIMIT :limit OFFSET :offset", params, DEAL_ROW);
        return new Page<>(summaries(rows), query.page(), query.size(), total == null ? 0 : total);
    }

    /**
     * Sums, per currency and basis, the latest estimate of each deal. Ranges add their ends; a single amount adds to
     * both low and high.
     */
    public List<EstimateTotal> totals(List<DealSummary> deals) {
        Map<String, EstimateTotal> totals = new LinkedHashMap<>();
        for (DealSummary deal : deals) {
            deal.latestEstimates().stream()
                    .max((x, y) -> x.recordedAt().compareTo(y.recordedAt()))
                    .map(EstimateClaim::estimate)
                    .ifPresent(e -> totals.merge(e.currency() + "|" + e.basis(),
                            new EstimateTotal(e.currency(), e.basis(), 1, e.lowerBound(), e.upperBound()),
                            DealReader::add));
        }
        return List.copyOf(totals.values());
    }

    private static EstimateTotal add(EstimateTotal x, EstimateTotal y) {
        return new EstimateTotal(x.currency(), x.basis(), x.deals() + y.deals(), x.low().add(y.low()),
                x.high().add(y.high()));
    }

    private List<DealSummary> summaries(List<DealRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(DealRow::dealId).toList();
        Map<String, List<Source>> sources = SourceReader.sourcesOf(jdbc, ids);
        Map<String, List<EstimateClaim>> estimates = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT DISTINCT ON (deal_id, source_key) deal_id, estimate, source, recorded_at
                        FROM views.deal_estimate WHERE deal_id IN (:ids)
                        ORDER BY deal_id, source_key, position DESC""",
                new MapSqlParameterSource("ids", ids),
                rs -> {
                    estimates.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new EstimateClaim(
                            Json.read(rs.getString(2), Estimate.class), Json.read(rs.getString(3), Source.class),
                            rs.getTimestamp(4).toInstant()));
                });
        return rows.stream().map(r -> {
            List<Source> dealSources = sources.getOrDefault(r.dealId(), List.of());
            return new DealSummary(r.dealId(), r.supplier(), r.recipient(), r.stage(),
                    Json.read(r.items(), Json.ITEMS), r.reportedOn(), estimates.getOrDefault(r.dealId(), List.of()),
                    dealSources.size(), dealSources, r.version());
        }).toList();
    }
}
