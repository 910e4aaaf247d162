package org.dyad.app.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.dyad.app.embedded.EmbeddedKafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * An embedded PostgreSQL and an embedded KRaft broker whose client listener requires SASL/PLAIN
 * ({@code SASL_PLAINTEXT}), with two users: Dyad itself and a partner service subscribing to its topic.
 */
public final class SaslKafkaInfrastructure implements AutoCloseable {

    public static final String DYAD_USER = "dyad";
    public static final String DYAD_PASSWORD = "dyad-kafka-secret";
    public static final String PARTNER_USER = "partner";
    public static final String PARTNER_PASSWORD = "partner-kafka-secret";
    public static final String MECHANISM = "PLAIN";

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafkaBroker kafka;

    private SaslKafkaInfrastructure(EmbeddedPostgres postgres, EmbeddedKafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static SaslKafkaInfrastructure start(Path dataDir) {
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.requiringSaslPlain(dataDir.resolve("kafka"), 0, 0,
                Map.of(DYAD_USER, DYAD_PASSWORD, PARTNER_USER, PARTNER_PASSWORD));
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres")).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
        try {
            kafka.start();
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
        return new SaslKafkaInfrastructure(postgres, kafka);
    }

    /** The JAAS line with which a client logs in as the given user. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** What a client needs to log in to this broker as the given user. */
    public static Map<String, Object> clientSecurity(String user, String password) {
        return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() {
        kafka.stop();
        closeQuietly(postgres);
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
