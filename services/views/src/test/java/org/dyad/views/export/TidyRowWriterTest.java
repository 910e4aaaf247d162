package org.dyad.views.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.dyad.contracts.wire.DyadJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TidyRowWriterTest {

    private static final List<TidyColumn> COLUMNS = List.of(TidyColumn.text("name"), TidyColumn.integer("units"),
            TidyColumn.number("tiv"), TidyColumn.bool("approximate"), TidyColumn.date("valid_from"),
            TidyColumn.timestamp("recorded_at"));
    private static final Instant RECORDED = Instant.parse("2025-03-13T10:15:30.123456Z");

    private static byte[] written(TidyFormat format, long rowGroupBytes, Object[]... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TidyRowWriter writer = TidyRowWriter.open(format, COLUMNS, out, rowGroupBytes);
        for (Object[] row : rows) {
            writer.write(row);
        }
        writer.finish();
        return out.toByteArray();
    }

    private static byte[] written(TidyFormat format, Object[]... rows) throws IOException {
        return written(format, 1 << 20, rows);
    }

    private static Object[] row(String name, Integer units, BigDecimal tiv) {
        return new Object[]{name, units, tiv, Boolean.TRUE, LocalDate.of(2001, 3, 1), RECORDED};
    }

    @Test
    void csvHasAHeaderQuotesWhatItMustAndNeutralisesFormulas() throws IOException {
        String csv = new String(written(TidyFormat.CSV, row("=cmd|' /C calc'!A0", 4, new BigDecimal("12.50")),
                row("<script>alert(\"x\")</script>, \"quoted\"", null, null),
                row("-2+3", 1, BigDecimal.ONE), row("@SUM(A1)", 1, BigDecimal.ONE)), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("name,units,tiv,approximate,valid_from,recorded_at");
        assertThat(lines.get(1)).isEqualTo("'=cmd|' /C calc'!A0,4,12.5,true,2001-03-01,2025-03-13T10:15:30.123456Z");
        assertThat(lines.get(2)).isEqualTo(
                "\"<script>alert(\"\"x\"\")</script>, \"\"quoted\"\"\",,,true,2001-03-01,2025-03-13T10:15:30.123456Z");
        assertThat(lines.get(3)).startsWith("'-2+3,");
        assertThat(lines.get(4)).startsWith("'@SUM(A1),");
    }

    @Test
    void ndjsonWritesOneTypedObjectPerLineWithEveryColumn() throws IOException {
        String ndjson = new String(written(TidyFormat.NDJSON, row("=cmd", 4, new BigDecimal("12.50")),
                row("line\nbreak", null, null)), StandardCharsets.UTF_8);
        List<String> lines = ndjson.lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = DyadJson.mapper().readTree(lines.get(0));
        assertThat(first.path("name").asText()).as("data, not a formula guard").isEqualTo("=cmd");
        assertThat(first.path("units").isIntegralNumber()).isTrue();
        assertThat(first.path("tiv").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(first.path("approximate").asBoolean()).isTrue();
        assertThat(first.path("valid_from").asText()).isEqualTo("2001-03-01");
        assertThat(first.path("recorded_at").asText()).isEqualTo("2025-03-13T10:15:30.123456Z");
        JsonNode second = DyadJson.mapper().readTree(lines.get(1));
        assertThat(second.path("name").asText()).isEqualTo("line\nbreak");
        assertThat(second.has("units")).isTrue();
        assertThat(second.path("units").isNull()).isTrue();
    }

    @Test
    void parquetReadsBackWithItsTypesAndEmptyCells() throws IOException {
        ParquetRows parquet = ParquetRows.read(written(TidyFormat.PARQUET, row("=cmd", 4, new BigDecimal("12.50")),
                row("<b>x</b>", null, null)));
        assertThat(parquet.schema().getType("name").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.stringType());
        assertThat(parquet.schema().getType("valid_from").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.dateType());
        assertThat(parquet.rows()).hasSize(2);
        assertThat(parquet.rows().get(0)).containsEntry("name", "=cmd").containsEntry("units", 4L)
                .containsEntry("tiv", 12.5).containsEntry("approximate", true)
                .containsEntry("valid_from", (int) LocalDate.of(2001, 3, 1).toEpochDay())
                .containsEntry("recorded_at", RECORDED.getEpochSecond() * 1_000_000 + 123_456);
        assertThat(parquet.rows().get(1)).containsEntry("name", "<b>x</b>").containsEntry("units", null)
                .containsEntry("tiv", null);
    }

    @Test
    void parquetWritesRowGroupsOfTheSizeGivenSoMemoryHoldsOneAtMost() throws IOException {
        Object[][] rows = new Object[5000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row("deal number " + i + " with a long enough designation to fill pages", i,
                    BigDecimal.valueOf(i));
        }
        ParquetRows small = ParquetRows.read(written(TidyFormat.PARQUET, 16 * 1024, rows));
        ParquetRows large = ParquetRows.read(written(TidyFormat.PARQUET, 64 << 20, rows));
        assertThat(large.rowGroups()).isEqualTo(1);
        assertThat(small.rowGroups()).as("row groups of 16 KiB").isGreaterThan(3);
        assertThat(small.rows()).hasSize(5000).isEqualTo(large.rows());
    }
}
