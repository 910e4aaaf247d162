package org.dyad.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    /** The major version of the PostgreSQL binaries this module carries (zonky's, as compose and the containers). */
    public static final String POSTGRES_MAJOR_VERSION = "16";

    /**
     * A data directory is readable only by the PostgreSQL major version that created it (its {@code PG_VERSION}
     * file names that version). One from another version is refused here with what to do, rather than by the
     * server with a message about incompatible files; a missing directory is created by the server.
     */
    static void requireCompatibleDataDirectory(Path postgresDir) {
        Path versionFile = postgresDir.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return;
        }
        String version;
        try {
            version = Files.readString(versionFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + versionFile.toAbsolutePath(), e);
        }
        if (!POSTGRES_MAJOR_VERSION.equals(version)) {
            throw new IllegalStateException("The embedded PostgreSQL data in " + postgresDir.toAbsolutePath()
                    + " was created by PostgreSQL " + version + "; this Dyad's embedded PostgreSQL is "
                    + POSTGRES_MAJOR_VERSION + " and cannot open it. Move the data directory (DYAD_DATA_DIR) aside "
                    + "to start afresh, or copy the data over with pg_dump from a PostgreSQL " + version
                    + " server (docs/operations.md, \"Embedded PostgreSQL version\")");
        }
    }

    private static EmbeddedPostgres startPostgres(Path dataDir, int port) {
        requireCompatibleDataDirectory(dataDir.resolve("postgres"));
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
