package org.dyad.app.infrastructure;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.dyad.embedded.EmbeddedInfrastructure;
import org.dyad.embedded.EmbeddedKafkaBroker;

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

    private final EmbeddedInfrastructure embedded;

    private SaslKafkaInfrastructure(EmbeddedInfrastructure embedded) {
        this.embedded = embedded;
    }

    public static SaslKafkaInfrastructure start(Path dataDir) {
        return new SaslKafkaInfrastructure(EmbeddedInfrastructure.start(dataDir, 0,
                EmbeddedKafkaBroker.requiringSaslPlain(dataDir.resolve("kafka"), 0, 0,
                        Map.of(DYAD_USER, DYAD_PASSWORD, PARTNER_USER, PARTNER_PASSWORD))));
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
        return embedded.jdbcUrl();
    }

    public String bootstrapServers() {
        return embedded.kafka().bootstrapServers();
    }

    @Override
    public void close() {
        embedded.destroy();
    }
}
