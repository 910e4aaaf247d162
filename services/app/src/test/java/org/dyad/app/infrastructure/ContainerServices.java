package org.dyad.app.infrastructure;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * PostgreSQL and Kafka containers as beans, connected the Spring Boot way: {@link ServiceConnection} gives the data
 * source (and Flyway) the database and Spring's Kafka auto-configuration the broker; Spring Boot starts them before
 * the beans that use them and stops them with the context. Dyad's own Kafka clients are built from
 * {@code spring.kafka.*}, so the broker's address is also registered there. Reuse is asked for: it takes effect
 * only where the developer allows it ({@code testcontainers.reuse.enable=true} in
 * {@code ~/.testcontainers.properties}), and a reused container keeps its data between runs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContainerServices {

    @Bean
    @ServiceConnection
    PostgreSQLContainer<?> postgresContainer() {
        return new PostgreSQLContainer<>(ContainerInfrastructure.POSTGRES)
                .withDatabaseName("dyad").withUsername("dyad").withPassword("dyad")
                .withReuse(true);
    }

    @Bean
    @ServiceConnection
    KafkaContainer kafkaContainer() {
        return new KafkaContainer(ContainerInfrastructure.KAFKA).withReuse(true);
    }

    @Bean
    DynamicPropertyRegistrar dyadKafkaClients(KafkaContainer kafkaContainer) {
        return registry -> {
            registry.add("spring.kafka.bootstrap-servers", kafkaContainer::getBootstrapServers);
            registry.add("dyad.kafka.bootstrap-servers", kafkaContainer::getBootstrapServers);
        };
    }
}
