package org.dyad.views.query;

import org.dyad.contracts.agreement.AgreementKind;
import org.dyad.contracts.agreement.PartyStatus;
import org.dyad.contracts.common.PartialDate;
import org.dyad.contracts.common.Source;
import org.dyad.contracts.query.AgreementSummary;
import org.dyad.contracts.query.PartyState;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads agreements with their parties and sources from the views. */
@Component
public class AgreementReader {

    private final NamedParameterJdbcTemplate jdbc;

    AgreementReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AgreementSummary> byId(String agreementId) {
        return byIds(List.of(agreementId)).stream().findFirst();
    }

    /** Agreements to which both actors are party, earliest signature first. */
    public List<AgreementSummary> between(String a, String b) {
        List<String> ids = jdbc.queryForList("""
                SELECT p1.agreement_id FROM views.agreement_party p1
                JOIN views.agreement_party p2 ON p2.agreement_id = p1.agreement_id
                WHERE p1.party = :a AND p2.party = :b""", Map.of("a", a, "b", b), String.class);
        return byIds(ids);
    }

    private List<AgreementSummary> byIds(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("ids", ids);
        Map<String, List<PartyState>> parties = new LinkedHashMap<>();
        jdbc.query("SELECT agreement_id, party, status FROM views.agreement_party WHERE agreement_id IN (:ids) "
                        + "ORDER BY agreement_id, party", params,
                rs -> {
                    parties.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new PartyState(rs.getString(2), PartyStatus.valueOf(rs.getString(3))));
                });
        Map<String, List<Source>> sources = SourceReader.sourcesOf(jdbc, ids);
        return jdbc.query("""
                        SELECT agreement_id, title, kind, subjects, signed_on, place, version FROM views.agreement
                        WHERE agreement_id IN (:ids) ORDER BY signed_on_earliest, agreement_id""", params,
                (rs, n) -> new AgreementSummary(rs.getString("agreement_id"), rs.getString("title"),
                        AgreementKind.valueOf(rs.getString("kind")), Json.read(rs.getString("subjects"), Json.STRINGS),
                        PartialDate.parse(rs.getString("signed_on")), rs.getString("place"),
                        parties.getOrDefault(rs.getString("agreement_id"), List.of()),
                        sources.getOrDefault(rs.getString("agreement_id"), List.of()), rs.getLong("version")));
    }
}
