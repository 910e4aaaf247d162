package org.dyad.sipri;

import org.dyad.contracts.register.RegisterRow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SipriTradeRegisterWriterTest {

    private static String write(List<SipriRow> rows) throws IOException {
        StringWriter out = new StringWriter();
        SipriTradeRegisterWriter.write(rows, out);
        return out.toString();
    }

    /** Line numbers change with the preamble and with repaired rows; every other field must come back as it was. */
    private static SipriRow withoutLine(SipriRow row) {
        return new SipriRow(0, row.recipient(), row.supplier(), row.orderYear(), row.orderYearUncertain(),
                row.numberOrdered(), row.numberOrderedUncertain(), row.designation(), row.description(),
                row.numberDelivered(), row.numberDeliveredUncertain(), row.deliveryYears(),
                row.deliveryYearsUncertain(), row.status(), row.comments(), row.tivPerUnit(), row.tivTotalOrder(),
                row.tivDelivered());
    }

    @Test
    void theSampleWrittenAndReadAgainGivesTheSameRows() throws IOException {
        List<SipriRow> rows = Sample.read().rows();

        SipriReadResult again = Sample.read(write(rows));

        assertThat(again.problems()).isEmpty();
        assertThat(again.repairedRows()).isZero();
        assertThat(again.rows()).map(SipriTradeRegisterWriterTest::withoutLine)
                .isEqualTo(rows.stream().map(SipriTradeRegisterWriterTest::withoutLine).toList());
    }

    @Test
    void rowsAreWrittenInSiprisLayout() throws IOException {
        List<String> lines = write(Sample.read().rows()).lines().toList();

        assertThat(lines.get(0)).contains("Dyad");
        assertThat(lines).contains(SipriLayout.HEADER);
        assertThat(lines).contains(
                "Algeria,Russia,2002,,42,,Mi-17,transport helicopter,42,?,2002; 2003; 2004,New,"
                        + "$180 m deal; Mi-171Sh armed version,7.25,304.5,304.5",
                "United Nations**,Israel,2015,,3,,Hermes-900,UAV,3,,2016,New,"
                        + "3-year lease; for use with UN peacekeeping forces in Mali,3,9,9");
    }

    @Test
    void numbersAreWrittenWithoutTrailingZeros() throws IOException {
        SipriRow row = new SipriRow(13, "Albania", "Turkiye", 2022, false, 3, true, "Bayraktar TB2", "armed UAV", 3,
                false, List.of(2024), false, "New", null, new BigDecimal("2.40"), new BigDecimal("7.0"),
                new BigDecimal("1E+1"));

        assertThat(write(List.of(row)).lines().toList())
                .endsWith("Albania,Turkiye,2022,,3,?,Bayraktar TB2,armed UAV,3,,2024,New,,2.4,7,10");
    }

    @Test
    void whatSipriNeverWritesStillReadsBack() throws IOException {
        SipriRow row = new SipriRow(13, "Albania", "Turkiye", 2022, true, null, false, "TB2, \"Bayraktar\"",
                null, 0, false, List.of(2023, 2024), true, null, "first line\nsecond line", null, null, null);

        String text = write(List.of(row));
        SipriReadResult again = Sample.read(text);

        assertThat(again.problems()).isEmpty();
        assertThat(again.rows()).map(SipriTradeRegisterWriterTest::withoutLine).containsExactly(withoutLine(row));
        assertThat(text).contains(",2023; 2024?,");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreWrittenAsTextAndReadBackAsTheyWere() throws IOException {
        SipriRow row = new SipriRow(0, "=cmd|' /C calc'!A0", "@SUM(A1)", 2022, false, 3, false, "+1+1", "-2+3", 3,
                false, List.of(2024), false, "\tNew", "=HYPERLINK(\"http://x.example\")", new BigDecimal("2.4"),
                new BigDecimal("7.2"), new BigDecimal("7.2"));

        String written = write(List.of(row));

        assertThat(written.lines().toList()).contains("'=cmd|' /C calc'!A0,'@SUM(A1),2022,,3,,'+1+1,'-2+3,3,,2024,"
                + "'\tNew,\"'=HYPERLINK(\"\"http://x.example\"\")\",2.4,7.2,7.2");
        SipriRow read = Sample.read(written).rows().get(0);
        assertThat(List.of(read.recipient(), read.supplier(), read.designation(), read.description(),
                read.comments())).containsExactly(row.recipient(), row.supplier(), row.designation(),
                row.description(), row.comments());
        assertThat(read.status()).as("leading white space is stripped on reading").isEqualTo("New");
    }

    private static String writeAsWritten(LocalDate generatedOn, RegisterRow... rows) throws IOException {
        StringWriter out = new StringWriter();
        SipriTradeRegisterWriter.writePreamble(out, generatedOn);
        for (RegisterRow row : rows) {
            SipriTradeRegisterWriter.writeRow(out, row);
        }
        return out.toString();
    }

    @Test
    void rowsAsWrittenKeepEveryCellAndAreQuotedOnlyWhereCsvNeedsIt() throws IOException {
        RegisterRow row = new RegisterRow("eSwatini", "Taiwan", "2019", "?", null, null, "TB2, \"Bayraktar\"",
                " patrol craft ", "2", null, "2020", "New", "first line\r\nsecond line", "13.86", "27.720", "0");

        String written = writeAsWritten(null, row);

        assertThat(written).endsWith(SipriLayout.HEADER + "\n" + "eSwatini,Taiwan,2019,?,,,\"TB2, \"\"Bayraktar\"\"\", "
                + "patrol craft ,2,,2020,New,\"first line\r\nsecond line\",13.86,27.720,0\n");
    }

    @Test
    void aReleaseIsWrittenWithTheDateItWasGeneratedOnWhichTheReaderTakesAsItsRelease() throws IOException {
        RegisterRow row = RegisterRow.of(List.of("Albania", "Turkiye", "2022", "", "3", "?", "Bayraktar TB2",
                "armed UAV", "3", "", "2024", "New", "", "2.4", "7.2", "7.2"));

        String written = writeAsWritten(LocalDate.of(2025, 3, 13), row);
        SipriReadResult read = Sample.read(written);

        assertThat(written.lines().toList()).contains("Data generated: 13 Mar 2025");
        assertThat(read.generatedOn()).isEqualTo(LocalDate.of(2025, 3, 13));
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).hasSize(1);
    }
}
