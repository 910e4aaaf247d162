package org.dyad.app.intake;

import org.dyad.ledger.intake.KnownDesignations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * The designations of the deals the views hold (SIPRI's included), as written on record, for the intake's engine:
 * the write and read sides run in one process here, with the views in the same database.
 */
@Component
@ConditionalOnProperty(name = "dyad.views.enabled", havingValue = "true", matchIfMissing = true)
class ViewDesignations implements KnownDesignations {

    private final JdbcTemplate jdbc;

    ViewDesignations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Collection<String> designations() {
        return jdbc.queryForList("SELECT DISTINCT item ->> 'designation' FROM views.deal,"
                + " json_array_elements(doc -> 'items') AS item WHERE item ->> 'designation' IS NOT NULL",
                String.class);
    }
}
