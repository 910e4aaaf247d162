package org.dyad.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Features;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A real Kafka broker (KRaft, combined broker and controller) inside this JVM, with its log in a directory that
 * survives restarts. It can be stopped and started again on the same ports and data. Its client listener is plain
 * by default, or requires SASL/PLAIN authentication ({@link #requiringSaslPlain}); the controller listener, on the
 * loopback address and spoken to by this broker alone, is plain.
 */
public final class EmbeddedKafkaBroker {

    private static final String INTER_BROKER_USER = "embedded-broker";
    private static final Pattern JAAS_VALUE = Pattern.compile("[A-Za-z0-9_.@-]+");

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    /** Name → password of the users SASL/PLAIN accepts on the client listener; none: the listener is plain. */
    private final Map<String, String> saslUsers;
    private final String interBrokerPassword = UUID.randomUUID().toString();
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker(Path logDir, int port, int controllerPort) {
        this(logDir, port, controllerPort, Map.of());
    }

    private EmbeddedKafkaBroker(Path logDir, int port, int controllerPort, Map<String, String> saslUsers) {
        this.logDir = logDir;
        this.port = FreePort.orAny(port);
        this.controllerPort = FreePort.orAny(controllerPort);
        this.saslUsers = Map.copyOf(saslUsers);
    }

    /**
     * A broker whose client listener speaks {@code SASL_PLAINTEXT} and accepts only the given users (name →
     * password) with mechanism {@code PLAIN}; a client without them is refused. Without an authorizer every
     * authenticated user may do everything.
     */
    public static EmbeddedKafkaBroker requiringSaslPlain(Path logDir, int port, int controllerPort,
                                                         Map<String, String> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("SASL needs at least one user");
        }
        users.forEach((name, password) -> {
            if (!JAAS_VALUE.matcher(name).matches() || !JAAS_VALUE.matcher(password).matches()
                    || name.equals(INTER_BROKER_USER)) {
                throw new IllegalArgumentException("user " + name + ": names and passwords of letters, digits and"
                        + " -_.@ only, and not " + INTER_BROKER_USER);
            }
        });
        return new EmbeddedKafkaBroker(logDir, port, controllerPort, users);
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
        }
        server = new KafkaRaftServer(new KafkaConfig(config(), false), Time.SYSTEM);
        server.startup();
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** {@code SASL_PLAINTEXT} if clients must authenticate, else {@code PLAINTEXT}. */
    public String securityProtocol() {
        return saslUsers.isEmpty() ? "PLAINTEXT" : "SASL_PLAINTEXT";
    }

    private void format() throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setSupportedFeatures(Features.PRODUCTION_FEATURES)
                .setControllerListenerName("CONTROLLER")
                .setIgnoreFormatted(true)
                .run();
    }

    private Properties config() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String client = securityProtocol();
        p.put("listeners", client + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", client + "://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", client + ":" + client + ",CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", client);
        if (!saslUsers.isEmpty()) {
            // The broker's own login (should it connect to its client listener) and the users it accepts
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required")
                    .append(" username=\"").append(INTER_BROKER_USER).append("\" password=\"")
                    .append(interBrokerPassword).append("\" user_").append(INTER_BROKER_USER).append("=\"")
                    .append(interBrokerPassword).append('"');
            saslUsers.forEach((name, secret) -> jaas.append(" user_").append(name).append("=\"").append(secret)
                    .append('"'));
            p.put("sasl.enabled.mechanisms", "PLAIN");
            p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
        }
        p.put("log.dirs", logDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        // With one broker, acks=all means "appended to this broker's log". Flushing the log after every append
        // makes that "on disk" before the producer is answered, so an acknowledged record outlives a power loss and
        // not only a process kill (which the page cache survives anyway); it costs one fsync per produce request.
        p.put("log.flush.interval.messages", "1");
        return p;
    }
}
