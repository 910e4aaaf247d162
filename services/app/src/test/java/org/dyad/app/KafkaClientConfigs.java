package org.dyad.app;

import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Named in {@code spring.kafka.properties.metric.reporters} during the integration tests: Kafka configures one
 * instance in every producer, consumer and admin client with the client's whole configuration as it was given, so
 * the tests can see what each Kafka client Dyad created was built with.
 */
public class KafkaClientConfigs implements MetricsReporter {

    private static final List<Map<String, String>> CONFIGS = new CopyOnWriteArrayList<>();

    /** The configuration of every Kafka client created in this JVM so far, values as text. */
    static List<Map<String, String>> all() {
        return List.copyOf(CONFIGS);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, String> copy = new TreeMap<>();
        configs.forEach((key, value) -> copy.put(key, String.valueOf(value)));
        CONFIGS.add(copy);
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
        // only the configuration matters here
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        // only the configuration matters here
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        // only the configuration matters here
    }

    @Override
    public void close() {
        // nothing held
    }
}
