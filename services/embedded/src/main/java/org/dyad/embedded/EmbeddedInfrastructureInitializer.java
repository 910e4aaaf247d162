package org.dyad.embedded;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the embedded PostgreSQL and Kafka before any bean needs them (when {@code dyad.embedded.enabled} is true,
 * the default) and points the data source and Kafka clients at them. They are registered first so that they are
 * stopped last, after the consumers and the publisher.
 */
public class EmbeddedInfrastructureInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String BEAN_NAME = "embeddedInfrastructure";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.getProperty("dyad.embedded.enabled", Boolean.class, true)) {
            return;
        }
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(
                Path.of(env.getProperty("dyad.embedded.data-dir", "data")),
                env.getProperty("dyad.embedded.postgres-port", Integer.class, 15432),
                env.getProperty("dyad.embedded.kafka-port", Integer.class, 19092),
                env.getProperty("dyad.embedded.controller-port", Integer.class, 19093));
        String bootstrap = infrastructure.kafka().bootstrapServers();
        env.getPropertySources().addFirst(new MapPropertySource("dyadEmbeddedInfrastructure", Map.of(
                "spring.datasource.url", infrastructure.jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "dyad.kafka.bootstrap-servers", bootstrap,
                "spring.kafka.bootstrap-servers", bootstrap)));
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton(BEAN_NAME, infrastructure);
        beans.registerDisposableBean(BEAN_NAME, infrastructure);
    }
}
