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
        "Import a SIPRI trade-register CSV export into a running Dyad, showing progress. Prints the job, the counts "
                + "of imported, already present, refused and repaired rows, and writes every refused row (line and "
                + "reason) to a CSV file it names.",
        "Exit status: 0 when every row was imported or already present, 2 when some rows were refused, 1 when Dyad "
                + "refused the import or the job failed."},
        exitCodeListHeading = "Exit status:%n", exitCodeList = {"0:every row imported or already present",
        "2:some rows refused (see the file named)", "1:the import was refused or failed"})
class ImportSipriCommand implements Callable<Integer> {

    static final int ROWS_REFUSED = 2;
    private static final int PAGE = 5000;

    @Parameters(index = "0", description = "the CSV file as downloaded from SIPRI (ISO-8859-1 or UTF-8)")
    Path file;

    @Option(names = "--refused-rows", description = "where to write the refused rows (default: the file's name "
            + "with .refused.csv, beside it)")
    Path refusedRows;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        JobFollower follower = server.follower(System.out);
        URI url = server.baseUrl();
        String boundary = "dyad-" + UUID.randomUUID();
        // the file is streamed, not read into memory: a full register is tens of megabytes
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
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
        System.out.printf("Import %s: %d rows, %d imported, %d already present, %d refused, %d repaired "
                        + "(put back together from lines broken inside a field)%n",
                end.path("status").asText(), end.path("rowsTotal").asLong(), end.path("imported").asLong(),
                end.path("unchanged").asLong(), end.path("rejected").asLong(), end.path("repairedRows").asLong());
        if (!"DONE".equals(end.path("status").asText())) {
            System.err.println("The import failed: " + end.path("error").asText("(no reason given)"));
            return 1;
        }
        long refused = end.path("rejected").asLong();
        if (refused == 0) {
            return 0;
        }
        Path report = refusedRows != null ? refusedRows
                : file.toAbsolutePath().resolveSibling(file.getFileName() + ".refused.csv");
        long written = writeRefusedRows(follower, job, report);
        System.out.println(written + " refused rows (line, reason) written to " + report);
        return ROWS_REFUSED;
    }

    /** Pages through the job's refused rows into a CSV file; answers how many were written. */
    private static long writeRefusedRows(JobFollower follower, URI job, Path report)
            throws IOException, InterruptedException {
        long written = 0;
        try (Writer out = Files.newBufferedWriter(report, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("line", "reason").get())) {
            for (int page = 0; ; page++) {
                HttpResponse<String> answer = follower.http().send(follower.request(URI.create(job
                                + "/rows?outcome=REJECTED&size=" + PAGE + "&page=" + page)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IOException("the refused rows of " + job + " answered " + answer.statusCode() + ": "
                            + answer.body());
                }
                JsonNode rows = DyadJson.mapper().readTree(answer.body());
                for (JsonNode row : rows.path("items")) {
                    csv.printRecord(row.path("line").asInt(), row.path("reason").asText());
                    written++;
                }
                if (rows.path("items").size() < PAGE) {
                    return written;
                }
            }
        }
    }
}
