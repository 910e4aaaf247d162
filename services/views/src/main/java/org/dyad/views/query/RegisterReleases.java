package org.dyad.views.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dyad.contracts.register.RegisterRow;
import org.dyad.contracts.wire.DyadJson;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The releases of published registers on record ({@code views.register_release}) and what each lists
 * ({@code views.register_listing}): the list of releases, the changes from one release to another, and the rows a
 * release lists in its line order.
 */
@Component
public class RegisterReleases {

    /** A release named by its id ({@code sipri-2025-03-13}) or by its date ({@code 2025-03-13}). */
    public static final Pattern RELEASE = Pattern.compile("([a-z][a-z0-9]*-)?(\\d{4}-\\d{2}-\\d{2})");
    public static final String RELEASE_MESSAGE = "is not a release such as sipri-2025-03-13 or its date 2025-03-13";

    /** The kinds of listing by which a release lists a deal (a DROPPED listing says it does not). */
    private static final String LISTED = "kind <> 'DROPPED'";

    /**
     * Each deal that either release lists, with its line and row in each ({@code NULL} where it lists it not) and its
     * change: added, dropped, changed or unchanged.
     */
    private static final String COMPARED = """
            SELECT * FROM (
                SELECT coalesce(b.deal_id, a.deal_id) AS deal_id, coalesce(b.supplier, a.supplier) AS supplier,
                       coalesce(b.recipient, a.recipient) AS recipient, a.line AS a_line, a.row AS a_row,
                       b.line AS b_line, b.row AS b_row,
                       CASE WHEN a.deal_id IS NULL THEN 'added' WHEN b.deal_id IS NULL THEN 'dropped'
                            WHEN a.row = b.row THEN 'unchanged' ELSE 'changed' END AS change
                FROM (SELECT * FROM views.register_listing WHERE release_id = :a AND kind <> 'DROPPED') a
                FULL JOIN (SELECT * FROM views.register_listing WHERE release_id = :b AND kind <> 'DROPPED') b
                    ON a.deal_id = b.deal_id) compared
            WHERE (CAST(:supplier AS text) IS NULL OR supplier = :supplier)
              AND (CAST(:recipient AS text) IS NULL OR recipient = :recipient)""";

    /** A release on record: its id, when Dyad knew it as published ({@code null} before its first import). */
    public record Release(String releaseId, LocalDate releasedOn, Instant knownFrom, ObjectNode document) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    RegisterReleases(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The release named by its id or its date; empty when none is on record.
     *
     * @throws IllegalArgumentException when the name is neither a release id nor a date
     */
    public Optional<Release> find(String name) {
        var match = RELEASE.matcher(name == null ? "" : name.strip());
        if (!match.matches()) {
            throw new IllegalArgumentException("'" + name + "' " + RELEASE_MESSAGE);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(match.group(2));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' " + RELEASE_MESSAGE);
        }
        String where = match.group(1) == null ? "released_on = :date" : "release_id = :id";
        List<Release> found = releases(" WHERE " + where + " ORDER BY release_id LIMIT 1", new MapSqlParameterSource()
                .addValue("date", Date.valueOf(date)).addValue("id", name.strip()));
        return found.stream().findFirst();
    }

    /** Every release on record, newest first, each with the number of rows it lists. */
    public ObjectNode list() {
        ObjectNode answer = DyadJson.mapper().createObjectNode();
        ArrayNode releases = answer.putArray("releases");
        releases(" ORDER BY released_on DESC, release_id DESC", new MapSqlParameterSource())
                .forEach(r -> releases.add(r.document()));
        return answer;
    }

    /**
     * The deals release {@code from} lists and {@code to} does not (dropped), the other way round (added), and those
     * both list with different rows (changed, cell by cell), each list paged alike and in the line order of the
     * release that lists them last; with the counts of each and of those unchanged.
     */
    public ObjectNode changes(Release from, Release to, String supplier, String recipient, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("a", from.releaseId())
                .addValue("b", to.releaseId()).addValue("supplier", supplier).addValue("recipient", recipient);
        ObjectNode answer = DyadJson.mapper().createObjectNode();
        answer.set("from", from.document());
        answer.set("to", to.document());
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT change, count(*) FROM (" + COMPARED + ") c GROUP BY change", params,
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        ObjectNode countsNode = answer.putObject("counts");
        for (String change : List.of("added", "dropped", "changed", "unchanged")) {
            countsNode.put(change, counts.getOrDefault(change, 0L));
        }
        params.addValue("limit", size).addValue("offset", (long) page * size);
        for (String change : List.of("added", "dropped", "changed")) {
            ArrayNode entries = answer.putArray(change);
            String line = "dropped".equals(change) ? "a_line" : "b_line";
            jdbc.query("SELECT * FROM (" + COMPARED + ") c WHERE change = '" + change + "' ORDER BY " + line
                    + " NULLS LAST, deal_id LIMIT :limit OFFSET :offset", params, rs -> {
                        boolean dropped = "dropped".equals(change);
                        ObjectNode entry = entries.addObject();
                        entry.put("dealId", rs.getString("deal_id"));
                        entry.put("supplier", rs.getString("supplier"));
                        entry.put("recipient", rs.getString("recipient"));
                        int entryLine = rs.getInt(dropped ? "a_line" : "b_line");
                        if (rs.wasNull()) {
                            entry.putNull("line");
                        } else {
                            entry.put("line", entryLine);
                        }
                        RegisterRow row = row(rs.getString(dropped ? "a_row" : "b_row"));
                        entry.set("row", DyadJson.mapper().valueToTree(row));
                        if ("changed".equals(change)) {
                            entry.set("changes", DyadJson.mapper().valueToTree(
                                    row.changesSince(row(rs.getString("a_row")))));
                        }
                    });
        }
        answer.put("page", page);
        answer.put("size", size);
        return answer;
    }

    /** The rows the release lists, in its line order. */
    public void listedRows(Release release, Consumer<RegisterRow> rows) {
        jdbc.query("SELECT row FROM views.register_listing WHERE release_id = :id AND " + LISTED
                        + " ORDER BY line NULLS LAST, deal_id", Map.of("id", release.releaseId()),
                rs -> {
                    rows.accept(row(rs.getString(1)));
                });
    }

    private List<Release> releases(String condition, MapSqlParameterSource params) {
        Map<String, Long> listed = new LinkedHashMap<>();
        List<Release> releases = new ArrayList<>();
        jdbc.query("SELECT release_id, released_on, known_from, doc FROM views.register_release" + condition, params,
                rs -> {
                    Timestamp knownFrom = rs.getTimestamp(3);
                    releases.add(new Release(rs.getString(1), rs.getDate(2).toLocalDate(),
                            knownFrom == null ? null : knownFrom.toInstant(),
                            (ObjectNode) ViewDocuments.readTree(rs.getString(4))));
                });
        if (!releases.isEmpty()) {
            jdbc.query("SELECT release_id, count(*) FROM views.register_listing WHERE release_id IN (:ids) AND "
                            + LISTED + " GROUP BY release_id",
                    Map.of("ids", releases.stream().map(Release::releaseId).toList()), rs -> {
                        listed.put(rs.getString(1), rs.getLong(2));
                    });
        }
        for (Release release : releases) {
            ObjectNode doc = release.document();
            doc.remove("version");
            doc.put("rows", listed.getOrDefault(release.releaseId(), 0L));
        }
        return releases;
    }

    private static RegisterRow row(String json) {
        if (json == null) {
            return null;
        }
        try {
            return DyadJson.mapper().readValue(json, RegisterRow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable register row: " + e.getMessage(), e);
        }
    }
}
