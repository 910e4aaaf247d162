package org.dyad.views.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.dyad.views.ViewsConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A real PostgreSQL for the views' tests: one embedded server per test JVM, its {@code views} schema migrated with
 * the module's own Flyway migrations. {@link #clear()} empties every view table between tests.
 */
public final class ViewsDatabase {

    private static ViewsDatabase instance;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    private ViewsDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The database of this JVM, started and migrated on first use. */
    public static synchronized ViewsDatabase get() {
        if (instance == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // the JVM is ending; the server's directory is temporary
                    }
                }));
                DataSource dataSource = postgres.getPostgresDatabase();
                Flyway.configure().dataSource(dataSource).schemas(ViewsConfiguration.SCHEMA).createSchemas(true)
                        .locations("classpath:db/views").load().migrate();
                instance = new ViewsDatabase(dataSource);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return instance;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public NamedParameterJdbcTemplate named() {
        return new NamedParameterJdbcTemplate(jdbc);
    }

    public TransactionTemplate transaction() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Empties every table of the views (the change counters keep their single row, set back to 0). */
    public void clear() {
        List<String> tables = jdbc.queryForList("""
                SELECT tablename FROM pg_tables WHERE schemaname = 'views'
                  AND tablename NOT IN ('flyway_schema_history', 'view_change')""", String.class);
        jdbc.execute("TRUNCATE " + String.join(", ", tables.stream().map(t -> "views." + t).toList())
                + " RESTART IDENTITY");
        jdbc.update("UPDATE views.view_change SET changes = 0");
    }
}
