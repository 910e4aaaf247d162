package org.dyad.sipri;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SipriTradeRegisterReaderTest {

    @Nested
    class TheSample {

        @Test
        void everyDataLineIsARowAProblemOrPartOfARepairedRow() {
            List<String> lines = Sample.lines();
            assertThat(lines.get(Sample.HEADER_LINE - 1)).isEqualTo(SipriLayout.HEADER);
            long dataLines = lines.stream().skip(Sample.HEADER_LINE).filter(line -> !line.isBlank()).count();

            SipriReadResult result = Sample.read();

            // The sample's one repair joins two lines.
            assertThat(result.rows().size() + result.problems().size() + result.repairedRows()).isEqualTo(dataLines);
            assertThat(result.rows()).hasSize(484);
            assertThat(result.problems()).isEmpty();
            assertThat(result.repairedRows()).isEqualTo(1);
        }

        @Test
        void rowsKeepFileOrderAndTheirLineNumbers() {
            List<SipriRow> rows = Sample.read().rows();

            assertThat(rows.get(0).line()).isEqualTo(13);
            assertThat(rows.get(0).recipient()).isEqualTo("Afghanistan");
            assertThat(rows).extracting(SipriRow::line).isSorted().doesNotHaveDuplicates();
            assertThat(rows.get(rows.size() - 1).line()).isEqualTo(Sample.lines().size());
        }

        @Test
        void theExportDateAndEncodingAreKnown() {
            SipriReadResult result = Sample.read();

            assertThat(result.generatedOn()).isEqualTo(LocalDate.of(2025, 3, 13));
            assertThat(result.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        }

        @Test
        void eachRowKeepsItsCellsAsWritten() {
            SipriRow tb2 = Sample.row("Albania", "Turkiye", "Bayraktar TB2");

            assertThat(tb2.written().cells()).containsExactly("Albania", "Turkiye", "2022", null, "3", "?",
                    "Bayraktar TB2", "armed UAV", "3", null, "2024", "New", null, "2.4", "7.2", "7.2");
            List<String> lines = Sample.lines();
            assertThat(Sample.read().rows()).allSatisfy(row -> assertThat(row.written()).isNotNull());
            // every row but the repaired one writes back as its line
            assertThat(Sample.read().rows().stream().filter(row -> row.line() != 468)
                    .filter(row -> !String.join(",", row.written().cells().stream()
                            .map(cell -> cell == null ? "" : cell.contains(",") ? '"' + cell + '"' : cell)
                            .toList()).equals(lines.get(row.line() - 1))).map(SipriRow::line).toList()).isEmpty();
        }

        @Test
        void theExportDateIsReadFromThePreambleAlone() throws Exception {
            assertThat(SipriTradeRegisterReader.generatedOn(new java.io.ByteArrayInputStream(Sample.bytes())))
                    .isEqualTo(LocalDate.of(2025, 3, 13));
            String withoutPreamble = Sample.lines().subList(Sample.HEADER_LINE - 1, Sample.HEADER_LINE + 2).stream()
                    .reduce((a, b) -> a + "\n" + b).orElseThrow();
            assertThat(SipriTradeRegisterReader.generatedOn(new java.io.ByteArrayInputStream(withoutPreamble
                    .getBytes(StandardCharsets.ISO_8859_1)))).isNull();
        }

        @Test
        void theHermesRowBrokenInsideItsCommentIsJoinedAgain() {
            SipriRow hermes = Sample.row("United Nations**", "Israel", "Hermes-900");

            assertThat(hermes.line()).isEqualTo(468);
            assertThat(hermes.comments()).isEqualTo("3-year lease; for use with UN peacekeeping forces in Mali");
            assertThat(hermes.tivPerUnit()).isEqualTo(new BigDecimal("3"));
            assertThat(hermes.tivTotalOrder()).isEqualTo(new BigDecimal("9"));
            assertThat(hermes.tivDelivered()).isEqualTo(new BigDecimal("9"));
            assertThat(hermes.numberOrdered()).isEqualTo(3);
            assertThat(hermes.deliveryYears()).containsExactly(2016);
            assertThat(SipriDealMapper.map(hermes).deal().terms().lease()).isTrue();
        }

        @Test
        void aQuestionMarkFlagsTheFieldToItsLeft() {
            SipriRow tb2 = Sample.row("Albania", "Turkiye", "Bayraktar TB2");
            assertThat(tb2.numberOrderedUncertain()).isTrue();
            assertThat(tb2.orderYearUncertain()).isFalse();
            assertThat(tb2.numberDeliveredUncertain()).isFalse();

            SipriRow mi17 = Sample.row("Algeria", "Russia", "Mi-17");
            assertThat(mi17.numberDeliveredUncertain()).isTrue();
            assertThat(mi17.orderYearUncertain()).isFalse();
            assertThat(mi17.numberOrderedUncertain()).isFalse();

            SipriRow yabhon = Sample.row("Algeria", "UAE", "Yabhon United-40");
            assertThat(yabhon.orderYearUncertain()).isTrue();
            assertThat(yabhon.numberOrderedUncertain()).isTrue();
            assertThat(yabhon.numberDeliveredUncertain()).isTrue();
            assertThat(yabhon.deliveryYearsUncertain()).isFalse();
        }

        @Test
        void fieldsAreReadWithTheirTypes() {
            SipriRow blackHawk = Sample.row("Afghanistan", "United States", "S-70 Black Hawk");

            assertThat(blackHawk).usingRecursiveComparison().ignoringFields("written").isEqualTo(new SipriRow(13, "Afghanistan", "United States", 2016, false, 53, false,
                    "S-70 Black Hawk", "transport helicopter", 53, false, List.of(2017, 2018, 2019, 2020), false,
                    "Second hand but modernized",
                    "Second-hand UH-60A modernized to UH-60A+ before delivery; aid",
                    new BigDecimal("4.29"), new BigDecimal("227.37"), new BigDecimal("227.37")));
        }

        @Test
        void emptyFieldsAreNull() {
            SipriRow ecuador = Sample.row("Ecuador", "unknown supplier(s)", "vehicle engine");
            assertThat(ecuador.numberOrdered()).isNull();
            assertThat(ecuador.numberDelivered()).isEqualTo(40);

            SipriRow tb2 = Sample.row("Albania", "Turkiye", "Bayraktar TB2");
            assertThat(tb2.comments()).isNull();

            SipriRow nsm = Sample.row("Germany", "Norway", "NSM");
            assertThat(nsm.deliveryYears()).isEmpty();
            assertThat(nsm.numberDelivered()).isZero();
        }

        @Test
        void latin1LettersAreRead() {
            SipriRow wartsila = Sample.row("Colombia", "Finland", "ship engine");

            assertThat(wartsila.comments()).startsWith("W\u00e4rtsil\u00e4-12V26");
        }
    }

    @Nested
    class Encodings {

        private final String text = new String(Sample.bytes(), StandardCharsets.ISO_8859_1);

        @Test
        void theSampleInUtf8ReadsIdentically() {
            SipriReadResult utf8 = Sample.read(text.getBytes(StandardCharsets.UTF_8));

            assertThat(utf8.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(utf8.rows()).isEqualTo(Sample.read().rows());
            assertThat(utf8.problems()).isEqualTo(Sample.read().problems());
            assertThat(utf8.generatedOn()).isEqualTo(Sample.read().generatedOn());
            assertThat(utf8.repairedRows()).isEqualTo(1);
        }

        @Test
        void theSampleInUtf8WithAByteOrderMarkReadsIdentically() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));

            SipriReadResult utf8 = Sample.read(bytes.toByteArray());

            assertThat(utf8.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(utf8.rows()).isEqualTo(Sample.read().rows());
        }

        @Test
        void aFileOfOnlyAsciiIsLatin1() {
            SipriReadResult result = Sample.read(Sample.preambleAndHeader()
                    + "Albania,Turkiye,2022,,3,?,Bayraktar TB2,armed UAV,3,,2024,New,,2.4,7.2,7.2\n");

            assertThat(result.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(result.rows()).hasSize(1);
        }

        @Test
        void aFileThatLooksLikeUtf8UntilALaterLineIsLatin1Throughout() {
            String early = "Colombia,Finland,2008,,2,,ship engine,ship engine,2,,2012,New,W\u00e4rtsil\u00e4,1.5,3,3\n";
            String late = "Greece,Germany,1988,,28,,F-104G,FGA aircraft,28,,1988,Second hand,R\u00fcstung,"
                    + "4.48,125.44,125.44\n";
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(Sample.preambleAndHeader().getBytes(StandardCharsets.ISO_8859_1));
            bytes.writeBytes(early.getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(late.getBytes(StandardCharsets.ISO_8859_1));

            SipriReadResult result = Sample.read(bytes.toByteArray());

            assertThat(result.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
            String utf8BytesAsLatin1 = new String("W\u00e4rtsil\u00e4".getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.ISO_8859_1);
            assertThat(result.rows()).extracting(SipriRow::comments).containsExactly(utf8BytesAsLatin1, "R\u00fcstung");
        }
    }

    @Nested
    class DamagedFiles {

        private static final String GOOD = "Albania,Turkiye,2022,,3,?,Bayraktar TB2,armed UAV,3,,2024,New,,2.4,7.2,7.2";

        @Test
        void aCommentBrokenOverThreeLinesIsJoined() {
            SipriReadResult result = Sample.read(Sample.preambleAndHeader()
                    + "Albania,Turkiye,2022,,3,?,Bayraktar TB2,armed UAV,3,,2024,New,first part\n"
                    + "middle part  \n"
                    + "  last part,2.4,7.2,7.2\n"
                    + GOOD + "\n");

            assertThat(result.problems()).isEmpty();
            assertThat(result.repairedRows()).isEqualTo(1);
            assertThat(result.rows()).extracting(SipriRow::line).containsExactly(13, 16);
            assertThat(result.rows().get(0).comments()).isEqualTo("first part middle part last part");
            assertThat(result.rows().get(0).tivDelivered()).isEqualTo(new BigDecimal("7.2"));
        }

        @Test
        void everyOtherMalformedLineIsReportedAndTheRestIsRead() {
            SipriReadResult result = Sample.read(Sample.preambleAndHeader()
                    + GOOD + ",extra\n"                                                          // 13
                    + "\n"                                                                       // 14
                    + "Albania,Turkiye,2022,,3,?,Bayraktar TB2,armed UAV,3,,2024,New,cut off\n"  // 15
                    + GOOD + "\n"                                                                // 16
                    + ",3,9,9\n"                                                                 // 17
                    + GOOD.replace(",2022,", ",20x2,") + "\n"                                    // 18
                    + GOOD.replace(",?,", ",x,") + "\n"                                          // 19
                    + GOOD.replace(",2024,", ",2023; 202y,") + "\n"                              // 20
                    + GOOD.replace(",7.2,7.2", ",7.2,seven") + "\n"                              // 21
                    + ",,,,,,,,,,,,,,,\n"                                                        // 22
                    + "   \n"                                                                    // 23
                    + GOOD + "\n");                                                              // 24

            assertThat(result.rows()).extracting(SipriRow::line).containsExactly(16, 24);
            assertThat(result.problems()).extracting(SipriProblem::line)
                    .containsExactly(13, 15, 17, 18, 19, 20, 21, 22);
            assertThat(result.problems()).extracting(SipriProblem::reason).containsExactly(
                    "expected 16 fields but found 17",
                    "expected 16 fields but found 13, and joining the lines after it does not make a row either",
                    "expected 16 fields but found 4, and joining the lines after it does not make a row either",
                    "'Year of order' is not a whole number: '20x2'",
                    "the flag after 'Number ordered' is 'x' rather than '?' or empty",
                    "'Year(s) of delivery' holds '202y', not a year",
                    "'SIPRI TIV of delivered weapons' is not a number: 'seven'",
                    "the row is empty");
            assertThat(result.repairedRows()).isZero();
        }

        @Test
        void theRestOfARowThatCannotBePutBackTogetherIsReportedAsItsFragment() {
            SipriReadResult result = Sample.read(Sample.preambleAndHeader()
                    + "Albania,Turkiye,2022,,3,?,Bayraktar TB2,armed UAV,3,,2024,New,a comment, with a comma\n" // 13
                    + "and the rest,0.36,7.2,7.2\n"                                                             // 14
                    + "the rest,held,0.36,by,chance,,sixteen,fields,,,2024,New,,1,2,3\n"                         // 15
                    + GOOD + "\n");                                                                            // 16

            assertThat(result.rows()).extracting(SipriRow::line).containsExactly(16);
            assertThat(result.problems()).extracting(SipriProblem::line).containsExactly(13, 14, 15);
            assertThat(result.problems().get(0).reason()).startsWith("expected 16 fields but found 14");
            assertThat(result.problems().get(1).reason()).startsWith("a fragment of the row at line 13,");
            assertThat(result.problems().get(2).reason()).startsWith("a fragment of the row at line 13,")
                    .contains("read alone: 'Year of order' is not a whole number");
        }

        @Test
        void aShortLastLineIsReported() {
            SipriReadResult result = Sample.read(Sample.preambleAndHeader() + GOOD + "\nAlbania,Turkiye,2022");

            assertThat(result.rows()).hasSize(1);
            assertThat(result.problems()).extracting(SipriProblem::line).containsExactly(14);
        }

        @Test
        void aFileWithoutTheHeaderIsReported() {
            SipriReadResult result = Sample.read("Some other export\n" + GOOD + "\n");

            assertThat(result.rows()).isEmpty();
            assertThat(result.problems()).singleElement()
                    .satisfies(problem -> assertThat(problem.reason()).startsWith("no header line"));
        }

        @Test
        void aHeaderOfAnotherLayoutIsReported() {
            SipriReadResult result = Sample.read("Recipient,Supplier,Year of order,Weapon designation\n" + GOOD + "\n");

            assertThat(result.rows()).isEmpty();
            assertThat(result.problems()).singleElement()
                    .satisfies(problem -> assertThat(problem.line()).isEqualTo(1));
        }

        @Test
        void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
            SipriReadResult result = Sample.read(Sample.preambleAndHeader()
                    + "Albania,Turkiye,2022,,3,?,Bayraktar TB2,armed UAV,3,,2024,New,"
                    + "\"one, \"\"two\"\"\nthree\",2.4,7.2,7.2\n"
                    + GOOD + "\n");

            assertThat(result.problems()).isEmpty();
            assertThat(result.rows()).extracting(SipriRow::line).containsExactly(13, 15);
            assertThat(result.rows().get(0).comments()).isEqualTo("one, \"two\"\nthree");
        }

        @Test
        void windowsLineEndsAreRead() {
            SipriReadResult result = Sample.read(Sample.preambleAndHeader().replace("\n", "\r\n") + GOOD + "\r\n");

            assertThat(result.rows()).singleElement()
                    .satisfies(row -> assertThat(row.tivDelivered()).isEqualTo(new BigDecimal("7.2")));
        }
    }

    @Test
    void theWholeRegisterSizeIsReadInOnePass() {
        List<String> lines = Sample.lines();
        String data = String.join("\n", lines.subList(Sample.HEADER_LINE, lines.size())) + "\n";
        int copies = 62;
        StringBuilder file = new StringBuilder(Sample.preambleAndHeader());
        file.append(data.repeat(copies));
        byte[] bytes = file.toString().getBytes(StandardCharsets.ISO_8859_1);
        Sample.read(bytes);

        long start = System.nanoTime();
        SipriReadResult result = Sample.read(bytes);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("read %d rows (%d bytes) in %d ms%n", result.rows().size(), bytes.length, millis);

        assertThat(result.rows()).hasSize(484 * copies);
        assertThat(result.problems()).isEmpty();
        assertThat(result.repairedRows()).isEqualTo(copies);
        int linesPerCopy = lines.size() - Sample.HEADER_LINE;
        int hermes = Sample.read().rows().indexOf(Sample.row("United Nations**", "Israel", "Hermes-900"));
        SipriRow lastHermes = result.rows().get(result.rows().size() - 484 + hermes);
        assertThat(lastHermes.designation()).isEqualTo("Hermes-900");
        assertThat(lastHermes.line()).isEqualTo(468 + (copies - 1) * linesPerCopy);
    }

    @Test
    void aTivWithAHugeExponentIsReportedInsteadOfWrittenOut() {
        SipriReadResult read = Sample.read(SipriLayout.HEADER + "\nAlbania,Turkiye,2022,,3,,TB2,armed UAV,3,,2024,New,,"
                + "1E+999999999,7.2,7.2\n");

        assertThat(read.rows()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(problem ->
                assertThat(problem.reason()).contains("'SIPRI TIV per unit' is not a plausible TIV"));
    }

    @Test
    void aRowWithControlCharactersIsReportedAsNotText() {
        SipriReadResult read = Sample.read(SipriLayout.HEADER + "\nAlbania,Turkiye,2022,,3,,TB2\u0000,armed UAV,3,,"
                + "2024,New,,2.4,7.2,7.2\n");

        assertThat(read.rows()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(problem ->
                assertThat(problem.reason()).isEqualTo("'Weapon designation' holds control characters; is this a"
                        + " text file?"));
    }
}
