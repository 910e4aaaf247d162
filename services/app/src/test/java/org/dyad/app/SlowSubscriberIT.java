package org.dyad.app;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One live-feed subscriber that never reads cannot delay the others: while a raw socket with a tiny receive buffer
 * holds a feed open and reads nothing, a normal subscriber receives each new event as soon as it did without it.
 * The slow subscriber is disconnected once its connection takes nothing for the send timeout, and a reconnect with
 * {@code Last-Event-ID} gets exactly what it missed. A principal over its number of feeds gets 429.
 */
@Tag("reliability")
@DirtiesContext
@TestPropertySource(properties = {
        "dyad.test.scenario=slow-subscriber",
        "dyad.stream.send-timeout=PT2S",
        "dyad.stream.buffer-events=100",
        "dyad.stream.max-per-principal=" + SlowSubscriberIT.MAX_FEEDS})
class SlowSubscriberIT extends DyadIntegrationTest {

    static final int MAX_FEEDS = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Bulky deals (about 28 kB each as an event) fill a socket's buffers in a few hundred events. */
    private static final int MAX_BULKY = 600;
    private static final int BULKY_PER_PROBE = 10;

    private static final String VIEWER = "Basic " + HttpHeaders.encodeBasicAuth("viewer", "viewer-local",
            StandardCharsets.UTF_8);

    /** The deals this test wrote, the feed's event ids the witness got in order, and the records it saw. */
    private final List<String> written = new ArrayList<>();
    private final List<Long> witnessed = new ArrayList<>();
    private final java.util.Set<String> seenRecords = new java.util.HashSet<>();

    @Value("${local.server.port}")
    int port;
    @Autowired
    MeterRegistry meters;

    private URI feed(String query) {
        return URI.create("http://localhost:" + port + "/api/v1/stream" + query);
    }

    @Test
    void aSubscriberThatNeverReadsDelaysNoOtherAndResumesWithWhatItMissed() throws Exception {
        // A witness follows the whole feed as another user: what every reading subscriber gets, in order.
        try (SseClient normal = new SseClient(feed("?parties=NOR,SWE"), null);
             SseClient witness = new SseClient(feed(""), null, VIEWER)) {
            assertThat(normal.nextComment(Duration.ofSeconds(10))).isEqualTo("open");
            assertThat(witness.nextComment(Duration.ofSeconds(10))).isEqualTo("open");
            // The normal subscriber's delay under the same load of writes, without a slow subscriber.
            List<Long> usual = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                write(bulkyDeal(uniqueId("bulky")));
                if (i % BULKY_PER_PROBE == BULKY_PER_PROBE - 1) {
                    usual.add(probeDelay(normal));
                }
            }

            awaitViewsCaughtUp(witness);
            int openedAt = witnessed.size();
            double disconnectedBefore = disconnectedBehind();
            try (Socket slow = openAndStopReading()) {
                List<Long> withSlow = new ArrayList<>();
                int bulky = 0;
                while (disconnectedBehind() == disconnectedBefore && bulky < MAX_BULKY) {
                    write(bulkyDeal(uniqueId("bulky")));
                    if (++bulky % BULKY_PER_PROBE == 0) {
                        withSlow.add(probeDelay(normal));
                    }
                }
                withSlow.add(probeDelay(normal));
                System.out.printf("SlowSubscriberIT: normal subscriber's delays (ms) %s without a slow one, %s with"
                        + " one (disconnected after %d bulky events)%n", usual, withSlow, bulky);
                assertThat(disconnectedBehind()).as("the slow subscriber is disconnected within %d bulky events",
                        MAX_BULKY).isGreaterThan(disconnectedBefore);
                // generous: the machine is shared; a subscriber held up by the slow one waits until the slow
                // connection's write times out (tens of seconds), not a few hundred milliseconds
                long usualMax = Collections.max(usual);
                assertThat(Collections.max(withSlow)).as("the normal subscriber's delays (ms) %s with a slow one;"
                        + " without: %s", withSlow, usual).isLessThan(3 * usualMax + 1_000);

                // What the slow subscriber got before it was disconnected, up to the end of its connection.
                String received = readToEnd(slow);
                assertThat(received).as("the feed opens with a retry pause").contains("retry: ");
                List<Long> before = eventIds(received);
                assertThat(before).as("the slow subscriber got events before it fell behind").isNotEmpty();
                long lastEventId = before.get(before.size() - 1);

                awaitViewsCaughtUp(witness);
                try (SseClient resumed = new SseClient(feed(""), Long.toString(lastEventId))) {
                    List<Long> missed = witnessed.stream().filter(id -> id > lastEventId).toList();
                    List<Long> after = new ArrayList<>();
                    for (int i = 0; i < missed.size(); i++) {
                        after.add(Long.parseLong(resumed.next(WAIT).id()));
                    }
                    assertThat(after).as("everything after Last-Event-ID, in order").isEqualTo(missed);
                    assertThat(resumed.nextOrNull(Duration.ofSeconds(2))).as("nothing twice, nothing else").isNull();
                    List<Long> all = new ArrayList<>(before);
                    all.addAll(after);
                    assertThat(all).as("no gap and nothing twice since the slow subscriber opened").isEqualTo(
                            witnessed.subList(openedAt, witnessed.size()));
                }
            }
        }
    }

    @Test
    void aPrincipalOverItsNumberOfFeedsIsRefused() throws Exception {
        String viewer = "Basic " + HttpHeaders.encodeBasicAuth("viewer", "viewer-local", StandardCharsets.UTF_8);
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_FEEDS; i++) {
                SseClient client = new SseClient(feed(""), null, viewer);
                open.add(client);
                assertThat(client.nextComment(Duration.ofSeconds(10))).isEqualTo("open");
            }
            // read as a stream: a feed opened by mistake would never end
            HttpResponse<InputStream> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(feed(""))
                    .timeout(Duration.ofSeconds(10)).header(HttpHeaders.AUTHORIZATION, viewer).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = refused.body()) {
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElseThrow())
                        .startsWith("application/problem+json");
                assertThat(refused.headers().firstValue(HttpHeaders.RETRY_AFTER)).isPresent();
                assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("viewer", "live feeds");
            }
        } finally {
            open.forEach(SseClient::close);
        }
        // a closed feed is given back
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (SseClient again = new SseClient(feed(""), null, viewer)) {
                String comment = again.nextComment(Duration.ofSeconds(5));
                if ("open".equals(comment)) {
                    break;
                }
            }
            assertThat(System.nanoTime()).as("a feed can be opened again after closing").isLessThan(deadline);
        }
    }

    /** Records a deal of the normal subscriber's pair; answers the time (ms) from its answer to its event. */
    private long probeDelay(SseClient normal) throws Exception {
        String deal = uniqueId("probe");
        write(dealReport(deal, "NOR", "SWE", 1));
        long answered = System.nanoTime();
        while (true) {
            SseClient.Event event = normal.next(WAIT);
            if (json.readTree(event.data()).path("recordId").asText().equals(deal)) {
                return (System.nanoTime() - answered) / 1_000_000;
            }
        }
    }

    /** Records a deal; its event is one the witness is to see. */
    private void write(String dealReport) throws IOException {
        ok(post("/api/v1/deals", dealReport));
        written.add(json.readTree(dealReport).path("id").asText());
    }

    /**
     * Waits until the witness has seen the event of every deal written (no event is still on its way), noting the
     * feed's event ids in the order it got them.
     */
    private void awaitViewsCaughtUp(SseClient witness) throws Exception {
        while (!seenRecords.containsAll(written)) {
            SseClient.Event event = witness.next(WAIT);
            witnessed.add(Long.parseLong(event.id()));
            seenRecords.add(json.readTree(event.data()).path("recordId").asText());
        }
    }

    private double disconnectedBehind() {
        var counter = meters.find("dyad.stream.disconnected.behind").counter();
        return counter == null ? 0 : counter.count();
    }

    /** A deal between a pair no one else follows, with 40 long items. */
    private String bulkyDeal(String id) {
        StringBuilder items = new StringBuilder();
        String description = "x".repeat(490);
        String designation = "d".repeat(190);
        for (int i = 0; i < 40; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"designation": "%s %d", "description": "%s", "quantity": 1}""".formatted(designation, i,
                    description));
        }
        return """
                {"id": "%s", "supplier": "DNK", "recipient": "ISL", "items": [%s], "stage": "REPORTED",
                 "reportedOn": "2001-03", %s}""".formatted(id, items, SIPRI_SOURCE);
    }

    /** Opens the whole feed on a socket with a tiny receive buffer, reads up to the feed's first comment, no more. */
    private Socket openAndStopReading() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(2048);
        socket.connect(new InetSocketAddress("localhost", port), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/v1/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                + "Authorization: " + ADMIN_AUTHORIZATION + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!head.toString(StandardCharsets.UTF_8).contains("open\n")) {
            int b = in.read();
            if (b < 0 || System.nanoTime() > deadline) {
                throw new AssertionError("the feed did not open: " + head);
            }
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
        headOfSlowFeed = head.toString(StandardCharsets.UTF_8);
        return socket;
    }

    private String headOfSlowFeed = "";

    /** Reads the rest of the slow feed until the server closes it; answers its whole body, de-chunked. */
    private String readToEnd(Socket socket) throws IOException {
        socket.setSoTimeout(60_000);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(headOfSlowFeed.getBytes(StandardCharsets.UTF_8));
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                raw.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the slow subscriber's connection was not closed", e);
        }
        return dechunk(raw.toByteArray());
    }

    /** The body of a chunked HTTP/1.1 response, up to where it ends (or was cut). */
    private static String dechunk(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\r\n\r\n") + 4;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).trim(), 16);
            if (size == 0 || lineEnd + 2 + size > text.length()) {
                body.write(response, lineEnd + 2, Math.max(0, Math.min(size, text.length() - lineEnd - 2)));
                break;
            }
            body.write(response, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    /** The ids of the complete events (ended by a blank line) in a feed's text, in order. */
    private static List<Long> eventIds(String feed) {
        List<Long> ids = new ArrayList<>();
        Matcher event = Pattern.compile("(?m)^id: (\\d+)\n(?:[^\n]+\n)*\n").matcher(feed);
        while (event.find()) {
            ids.add(Long.parseLong(event.group(1)));
        }
        return ids;
    }
}
