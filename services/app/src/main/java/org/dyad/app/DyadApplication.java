package org.dyad.app;

import org.dyad.app.cli.DyadCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs Dyad: the write side (ledger) and the read side (views) in one process by default, or either alone with
 * {@code dyad.ledger.enabled=false} / {@code dyad.views.enabled=false}. Unless {@code dyad.embedded.enabled=false},
 * it starts its own PostgreSQL and Kafka, keeping their data under {@code dyad.embedded.data-dir}.
 */
@SpringBootApplication
public class DyadApplication {

    public static void main(String[] args) {
        if (DyadCli.isCommand(args)) {
            System.exit(DyadCli.run(args));
        }
        // Dyad holds sensitive records: its framework must not report usage to anyone.
        System.setProperty("axoniq.update-checker.disabled",
                System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(DyadApplication.class, args);
    }
}
