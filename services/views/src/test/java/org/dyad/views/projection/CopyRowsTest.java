package org.dyad.views.projection;

import org.dyad.views.testing.ViewsDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Rows appended with COPY read back as they were given, whatever characters their texts hold. */
class CopyRowsTest {

    private static final CopyRows.Target SAMPLE = new CopyRows.Target("views.copy_sample", "t", "a", "j", "d", "i",
            "n", "b", "l");

    private final ViewsDatabase database = ViewsDatabase.get();

    @Test
    void textsArraysJsonDatesInstantsAndNumbersComeBackAsGiven() {
        String text = "tab\there, new\nline, return\r, back\\slash \\N, \"quotes\", {braces}, Ürümqi, 北京, 🚀";
        List<String> array = Arrays.asList("a,b", "\"quoted\"", "back\\slash", "tab\t", null, "NULL", "");
        String json = "{\"k\": \"v\\\\t\\n\\\"q\\\"\", \"n\": [1, 2.5]}";
        Instant instant = Instant.parse("2026-11-28T18:24:24.063123789Z");
        CopyRows rows = new CopyRows(SAMPLE);
        rows.add(text, array, json, LocalDate.parse("1999-12-31"), instant, new BigDecimal("12345678901234567890.5"),
                true, Long.MAX_VALUE);
        rows.add(null, List.of(), "[]", null, null, null, false, null);

        Map<String, Object> first = copyAndReadBack(rows).get(0);

        assertThat(first.get("t")).isEqualTo(text);
        assertThat(first.get("a"))
                .isEqualTo("{\"a,b\",\"\\\"quoted\\\"\",\"back\\\\slash\",\"tab\t\",NULL,\"NULL\",\"\"}");
        assertThat(first.get("a_null")).isEqualTo(true);
        assertThat(first.get("j")).isEqualTo("{\"k\": \"v\\\\t\\n\\\"q\\\"\", \"n\": [1, 2.5]}");
        assertThat(first.get("d")).hasToString("1999-12-31");
        assertThat(first.get("i")).as("to the microsecond, as timestamptz keeps it")
                .isEqualTo("2026-11-28T18:24:24.063123Z");
        assertThat(first.get("n")).isEqualTo(new BigDecimal("12345678901234567890.5"));
        assertThat(first.get("b")).isEqualTo(true);
        assertThat(first.get("l")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aRowWithTheWrongNumberOfColumnsIsRefused() {
        assertThatThrownBy(() -> new CopyRows(SAMPLE).add("only one")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsEncodedApartJoinAsGivenAndOnlyIntoTheirOwnTable() {
        CopyRows apart = new CopyRows(SAMPLE, 16);
        apart.add("b\tsecond \\ escaped", List.of("x"), "{\"k\": \"\\n\"}", null, null, null, true, 2L);
        CopyRows rows = new CopyRows(SAMPLE);
        rows.add("a first", List.of(), "{}", null, null, null, false, 1L);
        rows.addAll(apart);

        assertThat(rows.rows()).isEqualTo(2);
        assertThat(copyAndReadBack(rows)).extracting(row -> row.get("t"), row -> row.get("j"), row -> row.get("l"))
                .containsExactly(tuple("a first", "{}", 1L), tuple("b\tsecond \\ escaped", "{\"k\": \"\\n\"}", 2L));
        assertThatThrownBy(() -> rows.addAll(new CopyRows(new CopyRows.Target("views.other", "t"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<Map<String, Object>> copyAndReadBack(CopyRows rows) {
        return database.transaction().execute(tx -> {
            database.jdbc().execute("""
                    CREATE TEMP TABLE copy_sample (t TEXT, a TEXT[], j JSONB, d DATE, i TIMESTAMPTZ, n NUMERIC,
                        b BOOLEAN, l BIGINT) ON COMMIT DROP""");
            // the statement names schema views; the temporary table stands in for it
            new ViewTables(database.jdbc(), "pg_temp").copy(rows);
            return database.jdbc().queryForList("""
                    SELECT t, a::text AS a, a[5] IS NULL AS a_null, j::text AS j, d,
                           to_char(i AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS i, n, b, l
                    FROM copy_sample ORDER BY t NULLS LAST""");
        });
    }
}
