package org.dyad.views.projection;

import org.dyad.actors.Actor;
import org.dyad.actors.ActorKind;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the recorded actors the views hold ({@code views.actor}, written by {@link ActorProjection}) into the shared
 * registry when the views start, before they answer or apply events.
 */
@Component
public class RecordedActorsLoader {

    private static final Logger log = LoggerFactory.getLogger(RecordedActorsLoader.class);

    RecordedActorsLoader(JdbcTemplate jdbc, Flyway viewsFlyway) {
        List<Actor> actors = jdbc.query("SELECT code, name, kind, aliases, valid_from, valid_to FROM views.actor"
                + " ORDER BY code", (rs, n) -> new Actor(rs.getString(1), rs.getString(2),
                ActorKind.valueOf(rs.getString(3)), date(rs.getDate(5)), date(rs.getDate(6)), List.of(),
                Arrays.asList((String[]) rs.getArray(4).getArray())));
        actors.forEach(ActorProjection::know);
        log.info("{} recorded actors known to the views besides the shipped list", actors.size());
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
