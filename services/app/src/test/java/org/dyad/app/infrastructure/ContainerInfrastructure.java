package org.dyad.app.infrastructure;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL and Kafka (KRaft, the Apache image) in Docker containers, started together. */
final class ContainerInfrastructure implements TestInfrastructure {

    static final DockerImageName POSTGRES = DockerImageName.parse("postgres:16");
    static final DockerImageName KAFKA = DockerImageName.parse("apache/kafka:3.9.1");

    private final PostgreSQLContainer<?> postgres;
    private final KafkaContainer kafka;

    private ContainerInfrastructure(PostgreSQLContainer<?> postgres, KafkaContainer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    static ContainerInfrastructure start() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(POSTGRES)
                .withDatabaseName("dyad").withUsername("dyad").withPassword("dyad");
        KafkaContainer kafka = new KafkaContainer(KAFKA);
        Startables.deepStart(postgres, kafka).join();
        return new ContainerInfrastructure(postgres, kafka);
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl();
    }

    @Override
    public String username() {
        return postgres.getUsername();
    }

    @Override
    public String password() {
        return postgres.getPassword();
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String description() {
        return "containers " + POSTGRES + " and " + KAFKA;
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
