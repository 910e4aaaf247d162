package org.dyad.examples.stagealerts;

import org.dyad.subscriber.DyadEventDispatcher;
import org.dyad.subscriber.DyadSubscriber;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Prints an alert to stdout whenever a deal for the watched designation changes stage, until stopped (Ctrl-C).
 * <pre>
 * --designation S-300                  what to watch (required)
 * --bootstrap-servers localhost:9092   Kafka
 * --group dyad-stage-alerts            consumer group; without it a new group per run, which replays all history
 * --topic dyad.events
 * </pre>
 */
public final class StageAlertsApp {

    private static final Set<String> OPTIONS = Set.of("designation", "bootstrap-servers", "group", "topic");
    private static final String USAGE = "usage: stage-alerts --designation S-300 [--bootstrap-servers host:port]"
            + " [--group id] [--topic dyad.events]";

    private StageAlertsApp() {
    }

    public static void main(String[] args) {
        Map<String, String> options;
        try {
            options = parse(args);
            if (!options.containsKey("designation")) {
                throw new IllegalArgumentException("--designation is required");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        String designation = options.get("designation");
        // Deals are known from memory only, so a new group (reading from the start) sees every deal reported
        String group = options.getOrDefault("group", "dyad-stage-alerts-" + UUID.randomUUID());
        String topic = options.getOrDefault("topic", DyadSubscriber.DEFAULT_TOPIC);

        StageAlerts alerts = new StageAlerts(designation, alert -> System.out.println(alert.describe()));
        DyadSubscriber subscriber = DyadSubscriber.builder()
                .bootstrapServers(options.getOrDefault("bootstrap-servers", "localhost:9092"))
                .groupId(group)
                .topic(topic)
                .dispatcher(alerts.registerOn(new DyadEventDispatcher()))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(subscriber::close, "stage-alerts-shutdown"));
        System.err.printf("Watching %s deals on %s (group %s); Ctrl-C to stop%n", designation, topic, group);
        subscriber.run();
    }

    /** Reads {@code --name value} and {@code --name=value} pairs. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            options.put(name, value);
        }
        return options;
    }
}
