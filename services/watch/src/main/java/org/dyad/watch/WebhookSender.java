package org.dyad.watch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends the webhook outbox ({@link WebhookDeliveries}) on its own threads, never on the consumer's: a slow or dead
 * webhook delays only its own deliveries. Each delivery POSTs the alert's JSON, signed ({@link WebhookSignature}).
 * A 2xx answer delivers it; anything else (another status, no answer within the timeout, no connection) is logged
 * and tried again after a back-off that doubles from {@code initial-backoff} up to {@code max-backoff}, until
 * {@code max-attempts} attempts have failed.
 */
@Component
class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookDeliveries deliveries;
    private final Watchlists watchlists;
    private final WatchProperties.Webhook settings;
    private final HttpClient client;
    private ScheduledExecutorService poller;
    private ExecutorService senders;
    private Semaphore free;

    WebhookSender(WebhookDeliveries deliveries, Watchlists watchlists, WatchProperties properties) {
        this.deliveries = deliveries;
        this.watchlists = watchlists;
        this.settings = properties.webhook();
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The wait after the given number of failed attempts. */
    static Duration backoff(WatchProperties.Webhook settings, int failedAttempts) {
        long millis = settings.initialBackoff().toMillis() << Math.min(Math.max(failedAttempts - 1, 0), 30);
        return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
    }

    private void poll() {
        try {
            int available = free.availablePermits();
            if (available == 0) {
                return;
            }
            List<WebhookDeliveries.Due> due = deliveries.claim(available,
                    settings.timeout().multipliedBy(2).plusSeconds(5));
            for (WebhookDeliveries.Due delivery : due) {
                free.acquireUninterruptibly();
                senders.execute(() -> {
                    try {
                        send(delivery);
                    } finally {
                        free.release();
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Webhook deliveries wait: {}", e.getMessage());
        }
    }

    void send(WebhookDeliveries.Due delivery) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            String secret = watchlists.secretOf(delivery.watchlistId()).orElse("");
            byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Dyad-Webhooks")
                    .header(WebhookSignature.HEADER, WebhookSignature.of(secret, body))
                    .header(WebhookSignature.TIMESTAMP_HEADER, at.toString())
                    .header(WebhookSignature.DELIVERY_HEADER, delivery.id().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status > 299) {
                error = "answered " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        boolean delivered = error == null;
        int failed = delivery.attempts() + 1;
        Duration retryAfter = delivered || failed >= settings.maxAttempts() ? null : backoff(settings, failed);
        if (!delivered) {
            log.info("Webhook delivery {} to {} failed (attempt {} of {}): {}", delivery.id(), delivery.url(), failed,
                    settings.maxAttempts(), error);
        }
        try {
            deliveries.attempted(delivery, at, status, error, durationMs, delivered, retryAfter);
        } catch (RuntimeException e) {
            log.warn("Could not log webhook delivery {}: {}", delivery.id(), e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        free = new Semaphore(settings.threads());
        senders = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "dyad-webhook-sender");
            t.setDaemon(true);
            return t;
        });
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dyad-webhook-poller");
            t.setDaemon(true);
            return t;
        });
        long interval = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            senders.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
