package org.dyad.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes alerts to the alerts topic as CloudEvents (binary mode: {@code ce_*} headers, the alert's JSON as the
 * value, the watchlist id as the key), on its own thread from the alerts table: an alert waits there until the
 * topic acknowledged it, so an outage of Kafka delays alerts and loses none. Delivery is at least once; the
 * CloudEvents {@code id} is the alert's id, the same on every resend.
 */
@Component
class AlertPublisher implements SmartLifecycle {

    /** The {@code type} of an alert on the alerts topic. */
    static final String TYPE = "org.dyad.alert.AlertRaised.v1";
    /** The {@code source} of the alerts Dyad's watchlists raise. */
    static final URI SOURCE = URI.create("urn:dyad:watch");
    /** Extension: the id of the event that raised the alert. */
    static final String EVENT = "dyadeventid";
    private static final Logger log = LoggerFactory.getLogger(AlertPublisher.class);
    private static final int BATCH = 200;

    private final WatchProperties properties;
    private final Alerts alerts;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Map<String, Object> producerConfig;
    private final Map<String, Object> adminConfig;
    private KafkaProducer<String, CloudEvent> producer;
    private ScheduledExecutorService thread;
    private volatile boolean topicReady;

    AlertPublisher(WatchProperties properties, Alerts alerts, TransactionTemplate transaction, ObjectMapper json,
                   KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles) {
        this.properties = properties;
        this.alerts = alerts;
        this.transaction = transaction;
        this.json = json;
        SslBundles ssl = sslBundles.getIfAvailable();
        producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "dyad-alerts-publisher");
        producerConfig.putAll(kafka.buildProducerProperties(ssl));
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        adminConfig = new HashMap<>();
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "dyad-alerts-topic-admin");
        adminConfig.putAll(kafka.buildAdminProperties(ssl));
    }

    /** The alert as a CloudEvent of the alerts topic. */
    CloudEvent encode(Alert alert) {
        return CloudEventBuilder.v1()
                .withId(alert.id().toString())
                .withSource(SOURCE)
                .withType(TYPE)
                .withSubject(alert.watchlistId().toString())
                .withTime(alert.raisedAt().withOffsetSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension(EVENT, alert.eventId())
                .withData(alert.toJson(json).toString().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** Publishes what waits, a batch at a time; answers how many were published. */
    int publishWaiting() {
        ensureTopic();
        Integer published = transaction.execute(tx -> {
            List<Alert> waiting = alerts.lockUnpublished(BATCH);
            if (waiting.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>(waiting.size());
            for (Alert alert : waiting) {
                sends.add(producer.send(new ProducerRecord<>(properties.alertsTopic(), alert.watchlistId().toString(),
                        encode(alert))));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                try {
                    send.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("Kafka did not acknowledge " + waiting.size()
                            + " alerts; they will be sent again", e);
                }
            }
            alerts.markPublished(waiting.stream().map(Alert::id).toList());
            return waiting.size();
        });
        return published == null ? 0 : published;
    }

    private void run() {
        try {
            while (publishWaiting() == BATCH) {
                // more are waiting
            }
        } catch (RuntimeException e) {
            log.warn("Alerts wait to be published to {}: {}", properties.alertsTopic(), e.getMessage());
        }
    }

    private void ensureTopic() {
        if (topicReady) {
            return;
        }
        try (Admin admin = Admin.create(adminConfig)) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(properties.alertsTopic())) {
                try {
                    admin.createTopics(List.of(new NewTopic(properties.alertsTopic(), properties.alertsPartitions(),
                            properties.alertsReplication()))).all().get(10, TimeUnit.SECONDS);
                    log.info("Created topic {}", properties.alertsTopic());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            topicReady = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topic " + properties.alertsTopic(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot check topic " + properties.alertsTopic() + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public synchronized void start() {
        producer = new KafkaProducer<>(producerConfig);
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dyad-alerts-publisher");
            t.setDaemon(true);
            return t;
        });
        long interval = properties.publishInterval().toMillis();
        thread.scheduleWithFixedDelay(this::run, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    @PreDestroy
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
