package org.dyad.subscriber;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dyad.contracts.wire.PublishedEvent;
import org.dyad.contracts.wire.UnreadableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A ready consumer loop for Dyad's topic: joins a consumer group, reads each record into a typed event, drops
 * redeliveries by event id, dispatches, and commits the offsets of a polled batch once it is handled. So a crash
 * re-delivers at most the batch in hand, which {@link ProcessedEvents} then recognises.
 * <pre>{@code
 * try (DyadSubscriber subscriber = DyadSubscriber.builder()
 *         .bootstrapServers("localhost:9092").groupId("my-service").dispatcher(dispatcher).build()) {
 *     Runtime.getRuntime().addShutdownHook(new Thread(subscriber::close));
 *     subscriber.run();
 * }
 * }</pre>
 * Against a secured cluster, give the consumer its client settings with {@link Builder#consumerProperties} (or
 * {@link Builder#consumerProperty}), e.g. {@code security.protocol=SASL_SSL}, {@code sasl.mechanism=SCRAM-SHA-256},
 * {@code sasl.jaas.config=...} and {@code ssl.truststore.location=...}.
 * <p>
 * Records that are not Dyad events go to {@code onUnreadable} (by default logged and skipped); events of types this
 * version of the contracts does not know are skipped. If a handler or {@code onUnreadable} throws, {@link #run()}
 * commits what was handled before and rethrows; the failed event comes again when the subscriber restarts.
 */
public final class DyadSubscriber implements AutoCloseable {

    public static final String DEFAULT_TOPIC = "dyad.events";

    private static final Logger log = LoggerFactory.getLogger(DyadSubscriber.class);

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final DyadEventDispatcher dispatcher;
    private final ProcessedEvents processedEvents;
    private final Consumer<ConsumerRecord<String, byte[]>> onUnreadable;
    private final Duration pollTimeout;
    private final Duration closeTimeout;
    private final EventTracing tracing;

    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Set<String> unknownTypesSeen = new HashSet<>();
    /** Next offsets of the records handled since the last commit. */
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
    private volatile boolean closing;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread runner;

    private DyadSubscriber(Builder b) {
        this.topic = b.topic;
        this.dispatcher = b.dispatcher;
        this.processedEvents = b.processedEvents != null ? b.processedEvents : new InMemoryProcessedEvents(100_000);
        this.onUnreadable = b.onUnreadable;
        this.pollTimeout = b.pollTimeout;
        this.closeTimeout = b.closeTimeout;
        this.tracing = b.tracing;
        this.consumerConfig = consumerConfig(b);
    }

    private static Map<String, Object> consumerConfig(Builder b) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(b.consumerProperties);
        if (b.bootstrapServers != null) {
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
        }
        // Not overridable: the loop's guarantees rest on these
        config.put(ConsumerConfig.GROUP_ID_CONFIG, b.groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return Map.copyOf(config);
    }

    /** The settings the Kafka consumer is created with. */
    Map<String, Object> consumerConfig() {
        return consumerConfig;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Consumes until {@link #close()} is called, in the calling thread. Can be called once.
     *
     * @throws RuntimeException what a handler or {@code onUnreadable} threw, or a Kafka error the loop cannot go on
     *                          after; offsets of the records handled before it are committed
     */
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a DyadSubscriber runs once; build another");
        }
        runner = Thread.currentThread();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerConfig)) {
            consumer = c;
            try {
                consume(c);
            } finally {
                if (!handled.isEmpty()) {
                    commitQuietly(c); // after a failure, or a wakeup during the commit
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    private void consume(KafkaConsumer<String, byte[]> c) {
        if (closing) {
            return; // closed before the consumer existed, so wakeup() could not reach it
        }
        try {
            c.subscribe(List.of(topic));
            while (!closing) {
                ConsumerRecords<String, byte[]> records = c.poll(pollTimeout);
                for (ConsumerRecord<String, byte[]> record : records) {
                    handle(record);
                    handled.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                commit(c);
            }
        } catch (WakeupException e) {
            if (!closing) {
                throw e;
            }
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        PublishedEvent event;
        try {
            event = DyadEventReader.read(record);
        } catch (UnknownEventTypeException e) {
            if (unknownTypesSeen.add(e.type())) {
                log.info("Skipping events of type {}, unknown to this version of the Dyad contracts", e.type());
            }
            return;
        } catch (UnreadableEventException e) {
            log.warn("Skipping unreadable record, key {}: {}", record.key(), e.getMessage());
            onUnreadable.accept(record);
            return;
        }
        if (!processedEvents.firstTime(event.id())) {
            log.debug("Dropping redelivered event {} at {}", event.id(), DyadEventReader.where(record));
            return;
        }
        try {
            tracing.handle(event, () -> dispatcher.dispatch(event));
        } catch (RuntimeException | Error e) {
            processedEvents.forget(event.id());
            throw e;
        }
    }

    private void commit(KafkaConsumer<String, byte[]> c) {
        if (handled.isEmpty()) {
            return;
        }
        try {
            c.commitSync(handled);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The group moved our partitions on (e.g. handling took longer than max.poll.interval.ms); their new
            // owner reads from the last commit, and ProcessedEvents is what keeps that harmless
            log.warn("Could not commit {} (partitions reassigned): {}", handled, e.getMessage());
        }
        handled.clear();
    }

    private void commitQuietly(KafkaConsumer<String, byte[]> c) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                c.commitSync(handled, Duration.ofSeconds(10));
                break;
            } catch (WakeupException e) {
                // close() was called while a handler ran; the wakeup is spent now, so try once more
            } catch (KafkaException e) {
                log.warn("Could not commit {} on stopping; those records will be delivered again", handled, e);
                break;
            }
        }
        handled.clear();
    }

    /**
     * Stops {@link #run()}: wakes the consumer and waits (up to the close timeout) until the loop committed what it
     * handled and left the group. Safe to call from any thread, more than once, also from a handler.
     */
    @Override
    public void close() {
        closing = true;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (started.get() && Thread.currentThread() != runner) {
            try {
                if (!stopped.await(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("Subscriber did not stop within {}", closeTimeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Builds a {@link DyadSubscriber}; bootstrap servers (or {@code bootstrap.servers} among the consumer properties),
     * group id and dispatcher are required.
     */
    public static final class Builder {

        private String bootstrapServers;
        private String groupId;
        private String topic = DEFAULT_TOPIC;
        private DyadEventDispatcher dispatcher;
        private ProcessedEvents processedEvents;
        private Consumer<ConsumerRecord<String, byte[]>> onUnreadable = record -> { };
        private Duration pollTimeout = Duration.ofSeconds(1);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private EventTracing tracing = EventTracing.NONE;
        private final Map<String, Object> consumerProperties = new HashMap<>();

        private Builder() {
        }

        /** The brokers; over {@code bootstrap.servers} among the {@link #consumerProperties consumer properties}. */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        /** The consumer group: instances with the same group share the partitions and the committed offsets. */
        public Builder groupId(String groupId) {
            this.groupId = groupId;
            return this;
        }

        /** The topic, {@value #DEFAULT_TOPIC} unless Dyad was configured otherwise. */
        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Builder dispatcher(DyadEventDispatcher dispatcher) {
            this.dispatcher = dispatcher;
            return this;
        }

        /** Where handled event ids are remembered; by default in memory, the last 100,000. */
        public Builder processedEvents(ProcessedEvents processedEvents) {
            this.processedEvents = processedEvents;
            return this;
        }

        /**
         * What to do with a record that is not a readable Dyad event, after it was logged; by default nothing, so
         * it is skipped. Throw to stop the subscriber instead, or e.g. copy the record to a dead-letter topic.
         */
        public Builder onUnreadable(Consumer<ConsumerRecord<String, byte[]>> onUnreadable) {
            this.onUnreadable = onUnreadable;
            return this;
        }

        /** How long one poll waits for records; it bounds how late the loop notices {@link #close()} at worst. */
        public Builder pollTimeout(Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
            return this;
        }

        /**
         * Handles each event in a span whose parent is the event's {@code traceparent} (the CloudEvents
         * distributed-tracing extension), so the handlers' work joins the trace of the request that recorded it.
         * Needs Micrometer Tracing on the class path (e.g. {@code micrometer-tracing-bridge-otel}); without this
         * call the handlers still find the trace context in {@link PublishedEvent#traceParent()}.
         */
        public Builder tracing(io.micrometer.tracing.Tracer tracer,
                               io.micrometer.tracing.propagation.Propagator propagator) {
            this.tracing = new MicrometerEventTracing(Objects.requireNonNull(tracer, "tracer"),
                    Objects.requireNonNull(propagator, "propagator"));
            return this;
        }

        /** How long {@link #close()} waits for the loop to finish; 30 seconds by default. */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        /**
         * Any other Kafka consumer setting, e.g. security or {@code max.poll.records}; {@code auto.offset.reset}
         * defaults to {@code earliest}. Group id, auto-commit and deserializers are set by the subscriber.
         */
        public Builder consumerProperty(String name, Object value) {
            consumerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
            return this;
        }

        /**
         * Kafka consumer settings, as {@link #consumerProperty} takes them one by one: typically a client
         * configuration file read into {@link java.util.Properties} with the cluster's {@code bootstrap.servers},
         * {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config} and {@code ssl.*}.
         * <pre>{@code
         * Properties client = new Properties();
         * try (Reader in = Files.newBufferedReader(Path.of("client.properties"))) {
         *     client.load(in);
         * }
         * DyadSubscriber.builder().consumerProperties(client).groupId("my-service").dispatcher(dispatcher).build();
         * }</pre>
         */
        public Builder consumerProperties(Map<?, ?> properties) {
            properties.forEach((name, value) -> consumerProperty(String.valueOf(name), value));
            return this;
        }

        public DyadSubscriber build() {
            if (bootstrapServers == null && !consumerProperties.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                throw new NullPointerException("bootstrapServers, or bootstrap.servers among the consumer properties");
            }
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(dispatcher, "dispatcher");
            Objects.requireNonNull(onUnreadable, "onUnreadable");
            Objects.requireNonNull(pollTimeout, "pollTimeout");
            Objects.requireNonNull(closeTimeout, "closeTimeout");
            return new DyadSubscriber(this);
        }
    }
}
