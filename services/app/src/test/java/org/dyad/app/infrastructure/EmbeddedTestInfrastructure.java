package org.dyad.app.infrastructure;

import org.dyad.embedded.EmbeddedInfrastructure;

import java.nio.file.Path;

/** The embedded PostgreSQL (zonky) and KRaft broker Dyad itself uses, on free ports, with data in one directory. */
final class EmbeddedTestInfrastructure implements TestInfrastructure {

    private final EmbeddedInfrastructure embedded;

    private EmbeddedTestInfrastructure(EmbeddedInfrastructure embedded) {
        this.embedded = embedded;
    }

    static EmbeddedTestInfrastructure start(Path dataDir) {
        return new EmbeddedTestInfrastructure(EmbeddedInfrastructure.start(dataDir, 0, 0, 0));
    }

    @Override
    public String jdbcUrl() {
        return embedded.jdbcUrl();
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public String bootstrapServers() {
        return embedded.kafka().bootstrapServers();
    }

    @Override
    public String description() {
        return "embedded PostgreSQL and Kafka (KRaft) in this JVM";
    }

    @Override
    public void close() {
        embedded.destroy();
    }
}
