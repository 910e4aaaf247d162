package org.dyad.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dyad.contracts.wire.DyadJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;

@Command(name = "import-sipri", description = {
        "Import a SIPRI trade-register CSV export into a running Dyad as a release of the register, showing "
                + "progress. The release is the date the export's preamble says it was generated on, else "
                + "--release. Prints the job and the counts of imported, revised, unchanged, dropped, ambiguous, "
                + "refused and repaired rows, and writes every refused or ambiguous row (line, outcome and reason) to "
                + "a CSV file it names.",
        "Exit status: 0 when every row was recorded, 2 when some rows were refused or ambiguous, 1 when Dyad "
                + "refused the import or the job failed."},
        exitCodeListHeading = "Exit status:%n", exitCodeList = {"0:every row recorded",
        "2:some rows refused or ambiguous (see the file named)", "1:the import was refused or failed"})
class ImportSipriCommand implements Callable<Integer> {

    static final int ROWS_REFUSED = 2;
    private static final int PAGE = 5000;

    @Parameters(index = "0", description = "the CSV file as downloaded from SIPRI (ISO-8859-1 or UTF-8)")
    Path file;

    @Option(names = "--refused-rows", description = "where to write the refused and ambiguous rows (default: the "
            + "file's name with .refused.csv, beside it)")
    Path refusedRows;

    @Option(names = "--release", paramLabel = "YYYY-MM-DD", description = "the release the file is, when its "
            + "preamble does not say (SIPRI's exports write 'Data generated: <date>'); refused when it says another")
    String release;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        JobFollower follower = server.follower(System.out);
        URI url = server.baseUrl();
        String boundary = "dyad-" + UUID.randomUUID();
        // the file is streamed, not read into memory: a full register is tens of megabytes
        String releasePart = release == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; "
                + "name=\"release\"\r\n\r\n" + release + "\r\n";
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(releasePart + "--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"" + file.getFileName().toString().replace("\"", "")
                        + "\"\r\nContent-Type: text/csv\r\n\r\n", StandardCharsets.UTF_8),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        HttpResponse<String> started = follower.http().send(follower.request(url.resolve("/api/v1/imports/sipri"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            System.err.println("Dyad refused the import (" + started.statusCode() + "): " + started.body());
            return 1;
        }
        URI job = url.resolve(started.headers().firstValue("Location").orElseThrow());
        System.out.println("Import job " + job.getPath().substring(job.getPath().lastIndexOf('/') + 1) + " (" + job
                + ")");
        JsonNode end = follower.follow(job, "rowsDone", "rowsTotal");
        System.out.printf("Import %s of release %s: %d rows, %d imported, %d revised, %d unchanged, %d dropped, "
                        + "%d ambiguous, %d refused, %d repaired (put back together from lines broken inside a "
                        + "field)%n",
                end.path("status").asText(), end.path("releaseId").asText(), end.path("rowsTotal").asLong(),
                end.path("imported").asLong(), end.path("revised").asLong(), end.path("unchanged").asLong(),
                end.path("dropped").asLong(), end.path("ambiguous").asLong(), end.path("rejected").asLong(),
                end.path("repairedRows").asLong());
        if (!"DONE".equals(end.path("status").asText())) {
            System.err.println("The import failed: " + end.path("error").asText("(no reason given)"));
            return 1;
        }
        long refused = end.path("rejected").asLong() + end.path("ambiguous").asLong();
        if (refused == 0) {
            return 0;
        }
        Path report = refusedRows != null ? refusedRows
                : file.toAbsolutePath().resolveSibling(file.getFileName() + ".refused.csv");
        long written = 0;
        try (Writer out = Files.newBufferedWriter(report, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("line", "outcome", "reason")
                     .get())) {
            written += writeRows(follower, job, "REJECTED", csv);
            written += writeRows(follower, job, "AMBIGUOUS", csv);
        }
        System.out.println(written + " refused or ambiguous rows (line, outcome, reason) written to " + report);
        return ROWS_REFUSED;
    }

    /** Pages through the job's rows of an outcome into the CSV file; answers how many were written. */
    private static long writeRows(JobFollower follower, URI job, String outcome, CSVPrinter csv)
            throws IOException, InterruptedException {
        long written = 0;
        for (int page = 0; ; page++) {
            HttpResponse<String> answer = follower.http().send(follower.request(URI.create(job
                            + "/rows?outcome=" + outcome + "&size=" + PAGE + "&page=" + page)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("the " + outcome + " rows of " + job + " answered " + answer.statusCode()
                        + ": " + answer.body());
            }
            JsonNode rows = DyadJson.mapper().readTree(answer.body());
            for (JsonNode row : rows.path("items")) {
                csv.printRecord(row.path("line").asInt(), outcome, row.path("reason").asText());
                written++;
            }
            if (rows.path("items").size() < PAGE) {
                return written;
            }
        }
    }
}
