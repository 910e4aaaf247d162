package org.dyad.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The PostgreSQL server and Kafka broker Dyad starts for itself in its default single-machine mode. Both keep
 * their data under one directory, so a restart finds every event and view where it was left.
 */
public final class EmbeddedInfrastructure implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafkaBroker kafka;

    private EmbeddedInfrastructure(EmbeddedPostgres postgres, EmbeddedKafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static EmbeddedInfrastructure start(Path dataDir, int postgresPort, int kafkaPort, int controllerPort) {
        long started = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    .setPort(FreePort.orAny(postgresPort))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), kafkaPort, controllerPort);
        try {
            kafka.start();
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
        log.info("Embedded PostgreSQL on port {} and Kafka on {} ready in {} ms (data in {})", postgres.getPort(),
                kafka.bootstrapServers(), (System.nanoTime() - started) / 1_000_000, dataDir.toAbsolutePath());
        return new EmbeddedInfrastructure(postgres, kafka);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    @Override
    public void destroy() {
        kafka.stop();
        closeQuietly(postgres);
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
