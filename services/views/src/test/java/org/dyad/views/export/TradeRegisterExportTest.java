package org.dyad.views.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dyad.contracts.common.DyadEvent;
import org.dyad.contracts.deal.DealItem;
import org.dyad.contracts.deal.DealStage;
import org.dyad.contracts.deal.event.ContractConcluded;
import org.dyad.contracts.deal.event.RegisterEntryRecorded;
import org.dyad.contracts.deal.event.SaleReported;
import org.dyad.contracts.register.RegisterRow;
import org.dyad.sipri.ReferenceDirectory;
import org.dyad.sipri.SipriReadResult;
import org.dyad.sipri.SipriTradeRegisterReader;
import org.dyad.views.query.RegisterReleases;
import org.dyad.views.testing.EventFeed;
import org.dyad.views.testing.ViewsTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dyad.views.testing.EventFeed.at;
import static org.dyad.views.testing.EventFeed.date;
import static org.dyad.views.testing.RegisterEvents.from;
import static org.dyad.views.testing.RegisterEvents.imported;
import static org.dyad.views.testing.RegisterEvents.recorded;

/**
 * The export of a release gives back what SIPRI wrote: every row of SIPRI's real export (the 484-row sample), fed as
 * the import records it, comes back in the file's order with every cell as written. The sample is ISO-8859-1 and its
 * lines end with LF except one: a row broken inside its comment by a CRLF, which SIPRI's readers (and Dyad's) put
 * back together as one row without the break. So the comparison is of bytes, line by line: each data line of the
 * sample, and for the broken row its two lines joined without the CRLF, against the export's line re-encoded in the
 * sample's charset (the export is UTF-8).
 */
class TradeRegisterExportTest extends ViewsTest {

    private static final String RELEASED_ON = "2025-03-13";
    private static final String RELEASE = "sipri-" + RELEASED_ON;
    private static final int WIDTH = RegisterRow.COLUMNS.size();

    /** A data row of the sample: its bytes as the file holds them (a broken row's lines joined) and its line. */
    private record SampleRow(int line, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] sample() throws IOException {
        return Files.readAllBytes(ReferenceDirectory.require(ReferenceDirectory.SIPRI_SAMPLE));
    }

    /** The sample's data rows from its bytes: the lines after the header, a row short of cells joined to the next. */
    private static List<SampleRow> sampleRows(byte[] sample) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < sample.length; i++) {
            if (sample[i] == '\n') {
                lines.add(Arrays.copyOfRange(sample, start, i));
                start = i + 1;
            }
        }
        if (start < sample.length) {
            lines.add(Arrays.copyOfRange(sample, start, sample.length));
        }
        int header = 0;
        while (!new String(lines.get(header), StandardCharsets.ISO_8859_1).startsWith("Recipient,Supplier,")) {
            header++;
        }
        List<SampleRow> rows = new ArrayList<>();
        for (int i = header + 1; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            int number = i + 1;
            while (cells(new String(line, StandardCharsets.ISO_8859_1)).size() < WIDTH && i + 1 < lines.size()) {
                byte[] rest = lines.get(++i);
                int end = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
                byte[] joined = Arrays.copyOf(line, end + rest.length);
                System.arraycopy(rest, 0, joined, end, rest.length);
                line = joined;
            }
            rows.add(new SampleRow(number, line));
        }
        return rows;
    }

    /** A line's cells by a plain CSV parse: unquoted, nothing trimmed. */
    private static List<String> cells(String line) {
        try {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(line)).getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String export(RegisterReleases.Release release) throws IOException {
        StringWriter out = new StringWriter();
        TradeRegisterExport export = new TradeRegisterExport(database.jdbc(), readers.releases);
        if (release == null) {
            export.write(out);
        } else {
            export.write(release, out);
        }
        return out.toString();
    }

    @Test
    void theExportOfAReleaseReproducesEveryRowOfSiprisExportCellByCellAndByteForByte() throws IOException {
        byte[] sample = sample();
        List<SampleRow> rows = sampleRows(sample);
        assertThat(rows).hasSize(484);
        assertThat(rows).filteredOn(r -> r.text().contains("UN peacekeeping forces in Mali,3,9,9")).hasSize(1);
        String recordedAt = "2025-04-01T10:00:00Z";
        List<DyadEvent> events = new ArrayList<>();
        events.add(recorded(RELEASED_ON, recordedAt));
        // recorded in an order other than the file's: the export follows the lines
        for (int i = rows.size() - 1; i >= 0; i--) {
            SampleRow row = rows.get(i);
            RegisterRow cells = RegisterRow.of(cells(row.text()));
            String dealId = "sipri-deal-" + i;
            events.add(new SaleReported(dealId, "RUS", "IND", List.of(DealItem.of(cells.weaponDesignation(), null, 1)),
                    DealStage.REPORTED, date("2000"), null, List.of(), from(RELEASED_ON, recordedAt)));
            events.add(new RegisterEntryRecorded(dealId, RELEASE, date(RELEASED_ON), row.line(), cells,
                    from(RELEASED_ON, recordedAt)));
        }
        events.add(imported(RELEASED_ON, "job-1", rows.size(), "2025-04-01T11:00:00Z"));
        feed.publish(events.toArray(DyadEvent[]::new));

        String exported = export(readers.releases.find(RELEASE).orElseThrow());

        List<String> lines = List.of(exported.split("\n", -1));
        int header = lines.indexOf(String.join(",", RegisterRow.COLUMNS.stream()
                .map(c -> c.name().endsWith(" ?") ? " " : c.name()).toList()));
        assertThat(header).as("SIPRI's header line").isPositive();
        List<String> data = lines.subList(header + 1, lines.size() - 1);
        assertThat(lines.get(lines.size() - 1)).as("the last line ends with LF").isEmpty();
        assertThat(data).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(cells(data.get(i))).as("cells of line %d", rows.get(i).line())
                    .isEqualTo(cells(rows.get(i).text()));
            assertThat(data.get(i).getBytes(StandardCharsets.ISO_8859_1)).as("bytes of line %d", rows.get(i).line())
                    .isEqualTo(rows.get(i).bytes());
        }
        SipriReadResult again = SipriTradeRegisterReader.read(new ByteArrayInputStream(
                exported.getBytes(StandardCharsets.UTF_8)));
        assertThat(again.problems()).isEmpty();
        assertThat(again.rows()).hasSize(rows.size());
        assertThat(again.generatedOn()).as("imported again, the same release").isEqualTo(LocalDate.parse(RELEASED_ON));
    }

    @Test
    void withoutAReleaseRegisterDealsAreWrittenAsLastWrittenAndOthersWithTheirContractsYear() throws IOException {
        RegisterRow written = new RegisterRow("eSwatini", "Taiwan", "2019", "?", null, null, "Hsun Hai", "patrol craft",
                "2", null, "2020", "New", "aid; 13.86 per unit", "13.86", null, "27.72");
        feed.publish(recorded(RELEASED_ON, "2025-04-01T10:00:00Z"),
                new SaleReported("register-deal", "TWN", "SWZ", List.of(DealItem.of("Hsun Hai", "patrol boat", 2)),
                        DealStage.REPORTED, date("2019"), null, List.of(), from(RELEASED_ON, "2025-04-01T10:00:00Z")),
                new RegisterEntryRecorded("register-deal", RELEASE, date(RELEASED_ON), 13, written,
                        from(RELEASED_ON, "2025-04-01T10:00:00Z")),
                imported(RELEASED_ON, "job-1", 1, "2025-04-01T11:00:00Z"),
                new SaleReported("api-deal", "RUS", "IND", List.of(DealItem.of("S-400", "SAM system", 5)),
                        DealStage.REPORTED, date("2016-10-15"), null, List.of(), at("2016-10-16T00:00:00Z")),
                new ContractConcluded("api-deal", date("2018-10-05"), null, at("2018-10-06T00:00:00Z")));

        List<String> lines = export(null).lines().toList();

        assertThat(lines).contains("eSwatini,Taiwan,2019,?,,,Hsun Hai,patrol craft,2,,2020,New,aid; 13.86 per unit,"
                + "13.86,,27.72");
        assertThat(lines).filteredOn(l -> l.contains("S-400")).singleElement()
                .satisfies(l -> assertThat(cells(l).get(2)).as("the year of the contract").isEqualTo("2018"));
    }
}
