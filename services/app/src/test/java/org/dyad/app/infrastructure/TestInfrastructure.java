package org.dyad.app.infrastructure;

/**
 * A real PostgreSQL and a real Kafka broker for integration tests, from whichever provider is available: containers
 * when Docker is, the embedded ones otherwise (see {@link TestInfrastructures}).
 */
public interface TestInfrastructure extends AutoCloseable {

    String jdbcUrl();

    String username();

    String password();

    String bootstrapServers();

    /** Which provider this is, for the test log. */
    String description();

    @Override
    void close();
}
