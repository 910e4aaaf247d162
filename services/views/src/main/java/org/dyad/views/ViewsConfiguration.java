package org.dyad.views;

import io.cloudevents.CloudEvent;
import org.dyad.views.projection.EventLog;
import org.dyad.views.projection.BatchProjector;
import org.dyad.views.projection.ViewTables;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.dyad.views.tracing.AppliedEventTraces;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The read side: a Kafka subscriber that builds the views in PostgreSQL schema {@code views}, and the REST queries
 * over them. Off when {@code dyad.views.enabled=false}. Its Kafka consumers are configured with {@code spring.kafka.*}
 * ({@link ViewsConsumerSettings}).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(name = "dyad.views.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan
@EnableKafka
@EnableScheduling
@EnableConfigurationProperties({ViewsProperties.class, KafkaProperties.class})
public class ViewsConfiguration {

    public static final String SCHEMA = "views";
    public static final String CONTAINER_FACTORY = "dyadViewsContainerFactory";

    @Bean(initMethod = "migrate")
    Flyway viewsFlyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/views")
                .load();
    }

    /** Unreadable records waiting for an operator; anything above 0 deserves a look. */
    @Bean
    Gauge deadLetterGauge(JdbcTemplate jdbc, MeterRegistry meters, Flyway viewsFlyway) {
        return Gauge.builder("dyad.views.dead.letters", jdbc, j -> {
                    Long parked = j.queryForObject("SELECT count(*) FROM " + SCHEMA + ".dead_letter", Long.class);
                    return parked == null ? 0 : parked;
                }).description("records parked in views.dead_letter").register(meters);
    }

    @Bean
    ViewTables liveViewTables(JdbcTemplate jdbc) {
        return new ViewTables(jdbc, ViewTables.LIVE);
    }

    @Bean
    BatchProjector batchProjector(ViewTables liveViewTables) {
        return new BatchProjector(liveViewTables);
    }

    @Bean
    EventLog eventLog(ViewTables liveViewTables) {
        return new EventLog(liveViewTables);
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> dyadViewsContainerFactory(ViewsProperties properties,
            KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles, ObjectProvider<MeterRegistry> meters,
            AppliedEventTraces appliedEventTraces) {
        Map<String, Object> config = ViewsConsumerSettings.live(kafka, sslBundles.getIfAvailable(), properties);

        ConcurrentKafkaListenerContainerFactory<String, CloudEvent> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        DefaultKafkaConsumerFactory<String, CloudEvent> consumers = new DefaultKafkaConsumerFactory<>(config);
        // The consumer's own metrics (records-lag-max and the rest) are the views' lag behind the topic.
        meters.ifAvailable(registry -> consumers.addListener(new MicrometerConsumerListener<>(registry)));
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setBatchInterceptor(appliedEventTraces);
        factory.setConcurrency(properties.concurrency());
        // Offsets are committed only after the batch's database transaction committed.
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        // A batch that fails (e.g. the database is down) is retried until it succeeds; nothing is skipped.
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        // An idle subscriber checks that it reads from where its views stand (EventTopicListener.onIdleContainer).
        factory.getContainerProperties().setIdleEventInterval(5_000L);
        return factory;
    }
}
