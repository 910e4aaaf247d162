package org.dyad.views.query;

import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.query.AgreementSummary;
import org.dyad.contracts.query.DealSummary;
import org.dyad.contracts.query.FetchRelationship;
import org.dyad.contracts.query.RelationshipView;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Assembles the relationship of a pair of actors from the pair's row and the agreement and deal views. */
@Component
public class RelationshipReader {

    private final NamedParameterJdbcTemplate jdbc;
    private final AgreementReader agreements;
    private final DealReader deals;

    RelationshipReader(NamedParameterJdbcTemplate jdbc, AgreementReader agreements, DealReader deals) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.deals = deals;
    }

    public RelationshipView fetch(FetchRelationship query) {
        String a = query.partyA().compareTo(query.partyB()) <= 0 ? query.partyA() : query.partyB();
        String b = a.equals(query.partyA()) ? query.partyB() : query.partyA();
        List<AgreementSummary> agreed = agreements.between(a, b);
        List<DealSummary> dealt = deals.between(a, b);
        List<PartialDate[]> span = jdbc.query(
                "SELECT first_event_on, last_event_on FROM views.relationship WHERE party_a = :a AND party_b = :b",
                Map.of("a", a, "b", b),
                (rs, n) -> new PartialDate[]{PartialDate.parse(rs.getString(1)), PartialDate.parse(rs.getString(2))});
        PartialDate first = span.isEmpty() ? null : span.get(0)[0];
        PartialDate last = span.isEmpty() ? null : span.get(0)[1];
        return new RelationshipView(List.of(a, b), agreed, dealt, deals.totals(dealt), first, last);
    }
}
