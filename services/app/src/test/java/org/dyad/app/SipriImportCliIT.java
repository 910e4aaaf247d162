package org.dyad.app;

import org.dyad.app.cli.DyadCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import-sipri} as an operator scripts it: the job named, the counts printed, every refused row written to a
 * file, and an exit status that tells a clean import from one with refused rows or a refused import.
 */
class SipriImportCliIT extends DyadIntegrationTest {

    @LocalServerPort
    int port;

    @TempDir
    Path directory;

    /** The sample's preamble and header, then its first {@code rows} rows and any {@code extra} lines. */
    private Path export(String name, int rows, String... extra) throws Exception {
        List<String> lines = new String(sipriSample(), StandardCharsets.ISO_8859_1).lines().toList();
        int header = 0;
        while (!lines.get(header).startsWith("Recipient,Supplier,")) {
            header++;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, header + 1 + rows));
        kept.addAll(Arrays.asList(extra));
        Path file = directory.resolve(name);
        Files.write(file, kept, StandardCharsets.ISO_8859_1);
        return file;
    }

    private record Run(int status, String out) {
    }

    private Run cli(String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Run(DyadCli.run(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void refusedRowsAreCountedWrittenToAFileAndMakeTheExitStatusTwo() throws Exception {
        Path file = export("release.csv", 12,
                "Iran,Soviet Union,19x9,,3,,Kilo,submarine,3,,1992; 1993; 1996,New,,230,690,690",
                "Nowhere Land,Russia,2001,,2,,Su-30,FGA aircraft,2,,2003,New,,38,76,76");

        Run first = cli("import-sipri", "--url", "http://localhost:" + port, file.toString());

        assertThat(first.status()).as(first.out()).isEqualTo(2);
        // the other tests may have imported some of the same rows first
        assertThat(first.out()).containsPattern("Import job [0-9a-f-]{36}")
                .containsPattern("of release sipri-2025-03-13: 14 rows, (\\d+) imported, 0 revised, (\\d+) unchanged, "
                        + "0 dropped, 0 ambiguous, 2 refused");
        Path refused = directory.resolve("release.csv.refused.csv");
        List<String> report = Files.readAllLines(refused, StandardCharsets.UTF_8);
        assertThat(report.get(0)).isEqualTo("line,outcome,reason");
        assertThat(report).hasSize(3);
        assertThat(report.get(1)).startsWith("25,REJECTED,").contains("Year of order");
        assertThat(report.get(2)).startsWith("26,REJECTED,").contains("Nowhere Land");
        assertThat(first.out()).contains("2 refused or ambiguous rows (line, outcome, reason) written to " + refused);
    }

    @Test
    void aCleanImportExitsZeroAndAgainChangesNothing() throws Exception {
        Path file = export("clean.csv", 5);
        Path elsewhere = directory.resolve("report.csv");

        Run first = cli("import-sipri", "--url", "http://localhost:" + port, "--refused-rows", elsewhere.toString(),
                file.toString());
        Run again = cli("import-sipri", "--url", "http://localhost:" + port, file.toString());

        assertThat(first.status()).as(first.out()).isZero();
        assertThat(again.status()).as(again.out()).isZero();
        assertThat(again.out()).contains("5 rows, 0 imported, 0 revised, 5 unchanged, 0 dropped, 0 ambiguous, "
                + "0 refused");
        assertThat(elsewhere).as("no refused rows, no report").doesNotExist();
    }

    @Test
    void theReleaseIsGivenForAFileWithoutPreambleAndRefusedWhenThePreambleSaysAnother() throws Exception {
        Path withPreamble = export("preamble.csv", 2);
        List<String> lines = Files.readAllLines(withPreamble, StandardCharsets.ISO_8859_1);
        Path bare = directory.resolve("bare.csv");
        Files.write(bare, lines.subList(lines.size() - 3, lines.size()), StandardCharsets.ISO_8859_1);

        Run given = cli("import-sipri", "--url", "http://localhost:" + port, "--release", "2025-03-13",
                bare.toString());
        Run disagreeing = cli("import-sipri", "--url", "http://localhost:" + port, "--release", "2025-03-14",
                withPreamble.toString());

        assertThat(given.status()).as(given.out()).isZero();
        assertThat(given.out()).contains("of release sipri-2025-03-13: 2 rows");
        assertThat(disagreeing.status()).as(disagreeing.out()).isEqualTo(1);
    }

    @Test
    void anImportDyadRefusesExitsOne() throws Exception {
        Path file = export("unauthorised.csv", 1);
        assertThat(cli("import-sipri", "--url", "http://localhost:" + port, "--user", "admin:wrong",
                file.toString()).status()).isEqualTo(1);
        assertThat(cli("import-sipri", "--url", "http://localhost:" + port, "--token", "not-a-jwt",
                file.toString()).status()).as("a bearer token is sent instead of the user").isEqualTo(1);
    }
}
