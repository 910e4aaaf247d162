package org.dyad.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.dyad.contracts.wire.DyadJson;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Follows a job resource of a running Dyad, drawing a progress bar until the job ends. */
final class JobFollower {

    private static final int BAR = 40;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrintStream out;
    private final String authorization;

    /** @param authorization the {@code Authorization} header of an admin (imports and rebuilds are admin operations) */
    JobFollower(PrintStream out, String authorization) {
        this.out = out;
        this.authorization = authorization;
    }

    /** A request to Dyad with the user's credentials. */
    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", authorization);
    }

    HttpClient http() {
        return http;
    }

    /** Polls {@code job} until {@code phase} (or {@code status}) is DONE or FAILED; answers the last state. */
    JsonNode follow(URI job, String doneField, String totalField) throws IOException, InterruptedException {
        JsonNode state;
        do {
            Thread.sleep(300);
            HttpResponse<String> response = http.send(request(job).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("job " + job + " answered " + response.statusCode() + ": " + response.body());
            }
            state = DyadJson.mapper().readTree(response.body());
            draw(state, doneField, totalField);
        } while (!ended(state));
        out.println();
        return state;
    }

    static boolean ended(JsonNode state) {
        String phase = state.path("phase").asText(state.path("status").asText());
        return "DONE".equals(phase) || "FAILED".equals(phase);
    }

    private void draw(JsonNode state, String doneField, String totalField) {
        long done = state.path(doneField).asLong();
        long total = Math.max(1, state.path(totalField).asLong());
        int filled = (int) Math.min(BAR, BAR * done / total);
        String eta = state.hasNonNull("etaSeconds") ? " ETA " + state.path("etaSeconds").asLong() + " s" : "";
        out.printf("\r[%s%s] %d/%d %s %.0f/s%s   ", "#".repeat(filled), " ".repeat(BAR - filled), done,
                state.path(totalField).asLong(), state.path("phase").asText(state.path("status").asText()),
                state.path("perSecond").asDouble(), eta);
        out.flush();
    }
}
