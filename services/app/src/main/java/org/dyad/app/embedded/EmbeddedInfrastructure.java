package org.dyad.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The PostgreSQL server and Kafka broker Dyad starts for itself in its default single-machine mode. Both keep
 * their data under one directory, so a restart finds every event and view where it was left.
 */
public final class EmbeddedInfrastructure implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final Path dataDir;
    private final int postgresPort;
    private volatile EmbeddedPostgres postgres;
    private final EmbeddedKafkaBroker kafka;

    private EmbeddedInfrastructure(Path dataDir, EmbeddedPostgres postgres, EmbeddedKafkaBroker kafka) {
        this.dataDir = dataDir;
        this.postgresPort = postgres.getPort();
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static EmbeddedInfrastructure start(Path dataDir, int postgresPort, int kafkaPort, int controllerPort) {
        return start(dataDir, postgresPort,
                new EmbeddedKafkaBroker(dataDir.resolve("kafka"), kafkaPort, controllerPort));
    }

    /** PostgreSQL as above, beside a broker configured by the caller (e.g. one that requires SASL), not yet started. */
    public static EmbeddedInfrastructure start(Path dataDir, int postgresPort, EmbeddedKafkaBroker kafka) {
        long started = System.nanoTime();
        EmbeddedPostgres postgres = startPostgres(dataDir, FreePort.orAny(postgresPort));
        try {
            kafka.start();
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
        log.info("Embedded PostgreSQL on port {} and Kafka on {} ready in {} ms (data in {})", postgres.getPort(),
                kafka.bootstrapServers(), (System.nanoTime() - started) / 1_000_000, dataDir.toAbsolutePath());
        return new EmbeddedInfrastructure(dataDir, postgres, kafka);
    }

    /**
     * PostgreSQL's durable defaults, which the embedded server's builder turns off for test speed (it starts the
     * server with {@code -F}, i.e. {@code fsync=off}, and sets {@code synchronous_commit=off}): a commit is answered
     * only once its WAL is flushed to disk ({@code synchronous_commit}, {@code fsync}), and a page torn by a crash
     * can be restored from the WAL ({@code full_page_writes}). The {@code -c} settings come after {@code -F} on the
     * server's command line, so they win.
     */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    private static EmbeddedPostgres startPostgres(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    .setPort(port);
            DURABLE.forEach(builder::setServerConfig);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Stops PostgreSQL (its data stays), as an outage would. */
    public synchronized void stopPostgres() {
        closeQuietly(postgres);
    }

    /** Starts PostgreSQL again on the same port and data. */
    public synchronized void startPostgres() {
        postgres = startPostgres(dataDir, postgresPort);
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
