package dev.migrations.engine.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.Spelling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Properties;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path work;

    @Test
    void startingAndStoppingTheServerLeavesTheSystemPropertiesAsTheyWere() {
        // the JDK itself records user.timezone the first time the default zone is asked for
        TimeZone.getDefault();
        Properties before = (Properties) System.getProperties().clone();
        EmbeddedPostgresServer.start(work.resolve("pgdata"), EngineLog.SILENT, Spelling.LIBRARY).close();
        assertThat(System.getProperties()).isEqualTo(before);
    }

    @Test
    void theServerRunsTheMajorVersionItAnnouncesAndRefusesDataOfAnother() throws Exception {
        Path data = work.resolve("pgdata");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, EngineLog.SILENT, Spelling.LIBRARY);
             Connection connection = new Database(server.connectionSettings()).connect()) {
            assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(EmbeddedPostgresServer.MAJOR_VERSION);
        }
        assertThat(Files.readString(data.resolve("PG_VERSION")).strip())
                .isEqualTo(String.valueOf(EmbeddedPostgresServer.MAJOR_VERSION));

        // as a data directory an older plugin version left behind would be
        Files.writeString(data.resolve("PG_VERSION"), "14\n");
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, EngineLog.SILENT, Spelling.LIBRARY))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The embedded database in " + data + " was created by PostgreSQL 14, which the embedded "
                        + "PostgreSQL " + EmbeddedPostgresServer.MAJOR_VERSION + " of this plugin version cannot open; "
                        + "delete that directory to start afresh, or set url(...) to use your own database.");
        // the file lock was let go: a start after the directory is fixed does not wait
        Files.writeString(data.resolve("PG_VERSION"), EmbeddedPostgresServer.MAJOR_VERSION + "\n");
        EmbeddedPostgresServer.start(data, EngineLog.SILENT, Spelling.LIBRARY).close();
    }
}
