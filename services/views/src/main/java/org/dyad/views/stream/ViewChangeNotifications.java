package org.dyad.views.stream;

import jakarta.annotation.PreDestroy;
import org.dyad.views.query.ViewChanges;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Listens on one database connection for the views' change notifications ({@value #CHANNEL}, sent by the commit of
 * every change of {@code views.view_change}: its table, its count and the actors the commit changed, or {@code *}
 * for all) and tells {@link ViewChanges}. Once a second it reads the count itself: a count the notifications have not
 * reached by then, a table replaced (a rebuild's switch) or a lost connection makes every kept answer computed anew,
 * and until it listens again the state is read from the database.
 */
@Component
public class ViewChangeNotifications {

    public static final String CHANNEL = "dyad_view_change";
    /** The listening connection's name in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "dyad-view-change-listener";
    private static final Logger log = LoggerFactory.getLogger(ViewChangeNotifications.class);

    private final DataSource dataSource;
    private final ViewChanges changes;
    private final Duration check;
    private volatile boolean running = true;
    private long backoffMillis = 100;
    private Thread thread;

    ViewChangeNotifications(DataSource dataSource, ViewChanges changes,
                            @Value("${dyad.views.change-check:PT1S}") Duration check) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.check = check;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::listen, "dyad-view-change-listener");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void listen() {
        while (running) {
            try (Connection listening = dataSource.getConnection()) {
                try {
                    follow(listening);
                } finally {
                    forget(listening);
                }
            } catch (SQLException | RuntimeException e) {
                changes.notListening();
                if (running) {
                    log.warn("Lost the views' change notifications ({}); kept answers read their state from the"
                            + " database until listening again", e.getMessage());
                    sleep(backoffMillis);
                    backoffMillis = Math.min(5_000, backoffMillis * 2);
                }
            }
        }
        changes.notListening();
    }

    /** Follows the notifications on one connection until stopped, or until the connection fails. */
    private void follow(Connection listening) throws SQLException {
        listening.setAutoCommit(true);
        try (Statement statement = listening.createStatement()) {
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
            statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection notifications = listening.unwrap(PGConnection.class);
        long[] table = tableAndCount(listening);
        changes.notified(table[0], table[1]);
        changes.listening();
        backoffMillis = 100;
        long lastCheck = System.nanoTime();
        long notifiedCount = table[1];
        long countAtLastCheck = table[1];
        while (running) {
            PGNotification[] received = notifications.getNotifications((int) check.toMillis());
            if (received != null) {
                for (PGNotification notification : received) {
                    notifiedCount = Math.max(notifiedCount, apply(notification.getParameter(), table[0]));
                }
                changes.notified(table[0], notifiedCount);
            }
            if (System.nanoTime() - lastCheck >= check.toNanos()) {
                // every commit counted by the last check has had a second to be notified
                long[] now = tableAndCount(listening);
                if (now[0] != table[0] || notifiedCount < countAtLastCheck) {
                    log.info("The views' change notifications missed a change (table {} -> {}, notified up to {}"
                            + " of {}); kept answers are computed anew", table[0], now[0], notifiedCount,
                            countAtLastCheck);
                    changes.missed();
                    table = now;
                    notifiedCount = now[1];
                    changes.notified(table[0], notifiedCount);
                }
                countAtLastCheck = now[1];
                lastCheck = System.nanoTime();
            }
        }
    }

    /** A connection going back to the pool stops listening and loses its name, where it still can. */
    private static void forget(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
            statement.execute("RESET application_name");
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not stop listening on a lost connection: {}", e.getMessage());
        }
    }

    /** The live {@code views.view_change}'s table and count. */
    private static long[] tableAndCount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT tableoid, changes FROM views.view_change")) {
            return rs.next() ? new long[]{rs.getLong(1), rs.getLong(2)} : new long[]{0, 0};
        }
    }

    /** Applies one notification {@code <table>:<count>:<actor>,<actor>,…}; answers its count (0 if another table's). */
    private long apply(String payload, long liveTable) {
        String[] parts = payload.split(":", 3);
        if (parts.length < 3 || !parts[0].equals(Long.toString(liveTable))) {
            // a rebuild's tables, until they become the live ones (the check then sees the table replaced)
            return 0;
        }
        if (parts[2].equals("*")) {
            changes.changedAll();
        } else {
            List<String> actors = Arrays.stream(parts[2].split(",")).filter(a -> !a.isEmpty()).toList();
            changes.changed(actors);
        }
        return Long.parseLong(parts[1]);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    public void stop() {
        running = false;
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
        }
    }
}
