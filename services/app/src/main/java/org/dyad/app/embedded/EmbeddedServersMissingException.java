package org.dyad.app.embedded;

/** Embedded mode was asked for ({@code DYAD_EMBEDDED} true, its default), but this build carries no embedded servers. */
public class EmbeddedServersMissingException extends IllegalStateException {

    public static final String DESCRIPTION = "DYAD_EMBEDDED (dyad.embedded.enabled) is true, its default, but this "
            + "jar carries no embedded PostgreSQL or Kafka: set DYAD_EMBEDDED=false with DYAD_DB_URL and "
            + "DYAD_KAFKA_BOOTSTRAP_SERVERS, or run ./mvnw -pl services/app -am package spring-boot:run for the "
            + "development servers";

    public EmbeddedServersMissingException() {
        super(DESCRIPTION);
    }
}
