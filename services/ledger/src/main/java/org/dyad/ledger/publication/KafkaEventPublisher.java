package org.dyad.ledger.publication;

import io.cloudevents.CloudEvent;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.serialization.Serializer;
import org.dyad.contracts.wire.DyadCloudEvents;
import org.dyad.ledger.Audit;
import org.dyad.ledger.tracing.RequestTraceCorrelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ships every stored event to Kafka as a CloudEvent. It runs in its own tracking processor over the event store, so a
 * command's transaction writes PostgreSQL only. Records of a batch are sent together; the processor's token (stored in
 * the same database transaction) advances only after Kafka acknowledged all of them, so an outage delays publication
 * and never skips an event. After a failure the batch is sent again: delivery is at-least-once. Its clients take
 * their connection and security settings from {@code spring.kafka.*} ({@link PublisherClientSettings}).
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pending";
    private static final long ACK_TIMEOUT_SECONDS = 60;
    private static final long LEADER_WAIT_SECONDS = 30;

    private final PublicationProperties properties;
    private final Map<String, Object> adminConfig;
    private final KafkaProducer<String, CloudEvent> producer;
    private final Serializer eventSerializer;
    private final JdbcTemplate jdbc;
    private volatile boolean topicReady;

    public KafkaEventPublisher(PublicationProperties properties, KafkaProperties kafka,
                               ObjectProvider<SslBundles> sslBundles,
                               @Qualifier("eventSerializer") Serializer eventSerializer, JdbcTemplate jdbc) {
        this.properties = properties;
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
        this.adminConfig = PublisherClientSettings.admin(kafka, sslBundles.getIfAvailable());
        this.producer = new KafkaProducer<>(PublisherClientSettings.producer(kafka, sslBundles.getIfAvailable(),
                properties.producer()));
    }

    /**
     * The event's JSON comes as the store holds it (after any upcasting), without reading it into its class and
     * writing it again: the store's serializer and the wire share Dyad's JSON conventions.
     */
    @EventHandler
    public void publish(EventMessage<?> message, @SourceId String aggregateId, @SequenceNumber Long sequence,
                        @Timestamp Instant recordedAt, TrackingToken token) {
        ensureTopic();
        long position = token.position().orElseThrow(() -> new IllegalStateException("token without position"));
        byte[] json = message.serializePayload(eventSerializer, byte[].class).getData();
        CloudEvent event = DyadCloudEvents.encode(message.getIdentifier(), aggregateId, sequence, position,
                recordedAt, message.getPayloadType(), json, text(message.getMetaData().get(Audit.CLIENT)),
                text(message.getMetaData().get(Audit.CORRELATION_ID)), text(message.getMetaData().get(Audit.DRAFT_ID)));
        event = DyadCloudEvents.withTraceContext(event,
                text(message.getMetaData().get(RequestTraceCorrelation.TRACE_PARENT)),
                text(message.getMetaData().get(RequestTraceCorrelation.TRACE_STATE)));
        pendingSends().add(producer.send(new ProducerRecord<>(properties.topic(), aggregateId, event)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * The batch's sends; the first call in a batch registers the wait for Kafka's acknowledgements and lets the batch's
     * transaction (which stores the processor's token) commit without waiting for PostgreSQL's log to reach the disk.
     * The token only says how far publication got: one lost in a crash of the database server is an earlier token,
     * from which the events after it are sent again (delivery is at-least-once); no event is skipped, and the events
     * themselves were stored by their commands' durable commits. Waiting for that flush would hold every batch, and
     * so every event behind it, for one more disk write.
     */
    private List<Future<RecordMetadata>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> sends) {
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventPublicationFailedException("interrupted while waiting for Kafka", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new EventPublicationFailedException("Kafka did not acknowledge a batch of "
                        + sends.size() + " events; it will be sent again", e);
            }
        }
    }

    /**
     * Creates the topic on first use if it does not exist (partitions and replication from configuration), then waits
     * for its partitions' leaders.
     */
    private void ensureTopic() {
        if (topicReady) {
            return;
        }
        try (Admin admin = Admin.create(adminConfig)) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(properties.topic())) {
                NewTopic topic = new NewTopic(properties.topic(), properties.partitions(),
                        properties.replicationFactor())
                        .configs(Map.of("retention.ms", "-1", "cleanup.policy", "delete"));
                try {
                    admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
                    log.info("Created topic {} with {} partitions", properties.topic(), properties.partitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitLeaders(admin);
            topicReady = true;
        } catch (ExecutionException e) {
            throw new EventPublicationFailedException("cannot reach Kafka to check topic " + properties.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationFailedException("interrupted while checking topic", e);
        } catch (TimeoutException e) {
            throw new EventPublicationFailedException("Kafka did not answer while checking topic", e);
        }
    }

    /**
     * Waits until every partition's leader serves requests. A produce that reaches a fresh partition before its leader
     * does fails, and a later request of the same producer can then be appended ahead of it; the broker refuses every
     * retry of the first as out of order until the delivery timeout (KAFKA-15591). A list-offsets request is answered
     * by the partition's leader only, so once it succeeds for all partitions that cannot happen.
     */
    private void awaitLeaders(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LEADER_WAIT_SECONDS);
        while (true) {
            try {
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                admin.describeTopics(List.of(properties.topic())).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(properties.topic()).partitions().forEach(p -> partitions.put(
                                new TopicPartition(properties.topic(), p.partition()), OffsetSpec.latest()));
                admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
