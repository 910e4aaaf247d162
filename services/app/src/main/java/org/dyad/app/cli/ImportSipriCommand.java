package org.dyad.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;

@Command(name = "import-sipri", description = "Import a SIPRI trade-register CSV export into a running Dyad, showing "
        + "progress; prints the rows that were not imported, with their line and reason.")
class ImportSipriCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the CSV file as downloaded from SIPRI (ISO-8859-1 or UTF-8)")
    Path file;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        JobFollower follower = server.follower(System.out);
        URI url = server.url;
        String boundary = "dyad-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> started = follower.http().send(follower.request(url.resolve("/api/v1/imports/sipri"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            System.err.println("Dyad refused the import (" + started.statusCode() + "): " + started.body());
            return 1;
        }
        URI job = url.resolve(started.headers().firstValue("Location").orElseThrow());
        JsonNode end = follower.follow(job, "rowsDone", "rowsTotal");
        System.out.printf("Import %s: %d rows, %d imported, %d already present, %d not imported%n",
                end.path("status").asText(), end.path("rowsTotal").asLong(), end.path("imported").asLong(),
                end.path("unchanged").asLong(), end.path("rejected").asLong());
        HttpResponse<String> report = follower.http().send(follower.request(
                URI.create(job + "/rows?outcome=REJECTED&size=1000")).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (report.statusCode() == 200) {
            for (JsonNode row : com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(report.body())
                    .path("items")) {
                System.out.println("  line " + row.path("line").asInt() + ": " + row.path("reason").asText());
            }
        }
        return "DONE".equals(end.path("status").asText()) ? 0 : 1;
    }
}
