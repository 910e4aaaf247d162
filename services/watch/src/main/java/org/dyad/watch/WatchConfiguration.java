package org.dyad.watch;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Watchlists and alerts: a subscriber of the event topic in its own consumer group that matches each event against
 * the users' watchlists, keeping its tables in PostgreSQL schema {@code watch} (its own Flyway history); the REST API
 * of watchlists and alerts; the publisher of the alerts topic; the webhook deliveries. Off when
 * {@code dyad.watch.enabled=false}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(name = "dyad.watch.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan
@EnableKafka
@EnableConfigurationProperties({WatchProperties.class, KafkaProperties.class})
public class WatchConfiguration {

    public static final String SCHEMA = "watch";
    public static final String CONTAINER_FACTORY = "dyadWatchContainerFactory";

    @Bean(initMethod = "migrate")
    Flyway watchFlyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/watch")
                .load();
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> dyadWatchContainerFactory(WatchProperties properties,
            KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.putAll(kafka.buildConsumerProperties(sslBundles.getIfAvailable()));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup());
        // the watchlists keep what each record is about (its actors, designations, stage) from its first event on
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);

        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        factory.setBatchListener(true);
        // offsets are committed only after the batch's database transaction committed
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        // a batch that fails (e.g. the database is down) is retried until it succeeds; nothing is skipped
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
