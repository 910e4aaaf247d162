package org.dyad.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL is version 16, like compose and the container tests, and a data directory created by
 * another major version is refused at start with what to do, before any server or broker starts.
 */
class EmbeddedPostgresVersionTest {

    @Test
    void theServerIsTheMajorVersionTheModuleNamesAndWritesItIntoTheDataDirectory(@TempDir Path data)
            throws IOException, SQLException {
        Path postgresDir = data.resolve("postgres");
        try (var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(postgresDir).setCleanDataDirectory(false).start();
             var connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
             ResultSet version = connection.createStatement().executeQuery("SHOW server_version_num")) {
            version.next();
            assertThat(version.getInt(1) / 10_000).isEqualTo(Integer.parseInt(
                    EmbeddedInfrastructure.POSTGRES_MAJOR_VERSION)).isEqualTo(16);
        }
        assertThat(Files.readString(postgresDir.resolve("PG_VERSION")).trim())
                .isEqualTo(EmbeddedInfrastructure.POSTGRES_MAJOR_VERSION);
        // a directory of the same version is accepted again
        EmbeddedInfrastructure.requireCompatibleDataDirectory(postgresDir);
    }

    @Test
    void aDataDirectoryOfVersion14IsRefusedWithWhatToDo(@TempDir Path data) throws IOException {
        Path postgresDir = Files.createDirectories(data.resolve("postgres"));
        Files.writeString(postgresDir.resolve("PG_VERSION"), "14\n");
        // refused before PostgreSQL or Kafka starts: the broker has written nothing
        assertThatThrownBy(() -> EmbeddedInfrastructure.start(data, 0, 0, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("created by PostgreSQL 14")
                .hasMessageContaining("PostgreSQL is 16")
                .hasMessageContaining("DYAD_DATA_DIR")
                .hasMessageContaining("docs/operations.md");
        assertThat(data.resolve("kafka")).doesNotExist();
    }

    @Test
    void aNewDataDirectoryIsAccepted(@TempDir Path data) {
        EmbeddedInfrastructure.requireCompatibleDataDirectory(data.resolve("postgres"));
    }
}
