package org.dyad.app.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client of one Dyad process, as the admin user; connection failures surface as IOException. */
public final class DyadClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("admin:admin-local".getBytes(StandardCharsets.UTF_8));

    private final String baseUrl;
    private final HttpClient http;

    public DyadClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public DyadClient(DyadProcess process) {
        this(process.baseUrl());
    }

    /** An answer: status, JSON body (or null) and headers (first value of each). */
    public record Answer(int status, JsonNode body, Map<String, String> headers) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public Answer post(String path, String body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", AUTHORIZATION)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public Answer get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", AUTHORIZATION).GET().build());
    }

    private Answer send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? null : JSON.readTree(text);
            return new Answer(response.statusCode(), body, headers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A deal report from the seed article's source, with the given id and pair. */
    public static String dealReport(String id, String supplier, String recipient, long amount) {
        return """
                {"id": "%s", "supplier": "%s", "recipient": "%s",
                 "items": [{"designation": "S-300", "description": "air defence missile system", "quantity": 4}],
                 "stage": "REPORTED", "reportedOn": "2001-03",
                 "estimate": {"amount": %d, "currency": "USD", "qualifier": "COULD_REACH"},
                 "source": {"publisher": "Los Angeles Times", "title": "Russia, Iran Reach Military, Economic Accords",
                            "publishedOn": "2001-03-13", "quote": "could reach $7 billion"}}
                """.formatted(id, supplier, recipient, amount);
    }

    /** An estimate of a deal's value. */
    public static String estimate(long amount) {
        return """
                {"estimate": {"amount": %d, "currency": "USD", "qualifier": "EXACT"}, "estimatedOn": "2003",
                 "source": {"publisher": "Estimates %d", "title": "Estimate", "publishedOn": "2003"}}"""
                .formatted(amount, amount);
    }

    /** Negotiations opening on a reported deal. */
    public static String negotiation() {
        return """
                {"on": "2001-04", "source": {"publisher": "Reuters", "title": "Talks open", "publishedOn": "2001-04"}}""";
    }
}
