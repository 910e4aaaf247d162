package org.dyad.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The raw ceilings of this machine: what PostgreSQL and the Kafka broker do without Dyad, on the same servers Dyad
 * uses, with rows and records the size of a Dyad event.
 */
final class Ceilings {

    /** About the size of a stored SaleReported event with its metadata. */
    static final int EVENT_BYTES = 740;
    private static final String PAYLOAD = "{\"payload\":\"" + "x".repeat(EVENT_BYTES - 14) + "\"}";

    private final String jdbcUrl;
    private final String bootstrapServers;

    Ceilings(String jdbcUrl, String bootstrapServers) {
        this.jdbcUrl = jdbcUrl;
        this.bootstrapServers = bootstrapServers;
    }

    /** A table shaped like Axon's domain_event_entry: a serial key, a unique (aggregate, sequence), a payload. */
    void createTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS bench_raw");
            s.execute("DROP TABLE IF EXISTS bench_raw.event_row");
            s.execute("""
                    CREATE TABLE bench_raw.event_row (
                        global_index BIGSERIAL PRIMARY KEY,
                        aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number BIGINT NOT NULL,
                        event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        payload BYTEA NOT NULL,
                        payload_type VARCHAR(255) NOT NULL,
                        time_stamp VARCHAR(255) NOT NULL,
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
    }

    /** Rows per second, each INSERT its own transaction, from {@code writers} connections at once. */
    double oneRowPerCommit(int writers, Duration run) throws Exception {
        AtomicLong rows = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long until = System.nanoTime() + run.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            threads.add(Load.start("pg-one-row-" + w, () -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement insert = insert(c)) {
                    c.setAutoCommit(true);
                    while (System.nanoTime() < until) {
                        bind(insert);
                        insert.executeUpdate();
                        rows.incrementAndGet();
                    }
                } catch (Exception e) {
                    failure.set(e);
                }
            }));
        }
        long started = System.nanoTime();
        Load.joinAll(threads);
        rethrow(failure);
        return rows.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** Rows per second from one connection, 500 rows per JDBC batch and per transaction. */
    double batched(int batchSize, Duration run) throws Exception {
        long rows = 0;
        long started = System.nanoTime();
        long until = started + run.toNanos();
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement insert = insert(c)) {
            c.setAutoCommit(false);
            while (System.nanoTime() < until) {
                for (int i = 0; i < batchSize; i++) {
                    bind(insert);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
                rows += batchSize;
            }
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    private static PreparedStatement insert(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO bench_raw.event_row (aggregate_identifier, sequence_number,"
                + " event_identifier, payload, payload_type, time_stamp) VALUES (?, 0, ?, ?, 'SaleReported', ?)");
    }

    private static void bind(PreparedStatement insert) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, UUID.randomUUID().toString());
        insert.setBytes(3, PAYLOAD.getBytes(StandardCharsets.UTF_8));
        insert.setString(4, java.time.Instant.now().toString());
    }

    void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** Records per second sent with acks=all and an idempotent producer (as Dyad's publisher), until all acked. */
    double produce(String topic, int records) throws Exception {
        byte[] value = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "deal-" + (i % 10_000), value), (m, e) -> {
                    if (e != null) {
                        failure.set(e);
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            rethrow(failure);
            return records / seconds;
        }
    }

    /** Records per second read by a new consumer group from the start of the topic. */
    double consume(String topic, long records) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-ceiling-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long read = 0;
            long started = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (read < records && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (started == 0 && !batch.isEmpty()) {
                    started = System.nanoTime(); // from the first record: group joining is not reading
                }
                read += batch.count();
            }
            return read / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static void rethrow(AtomicReference<Exception> failure) throws Exception {
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
