package dev.migrations.engine.db;

import static dev.migrations.engine.db.ScratchTables.createAndRollBack;
import static dev.migrations.engine.db.ScratchTables.deleteRecursively;
import static dev.migrations.engine.db.ScratchTables.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path work;

    /**
     * A killed build leaves its server running; if the machine then goes down, the next start
     * replays the server's log into the RAM tablespace, which the reboot emptied.
     */
    @Test
    void aServerThatCrashedAndLostItsRamTablespaceToARebootStartsAgain() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/dev/shm")), "no RAM file system on this machine");
        Path data = work.resolve("pgdata");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, EngineLog.SILENT);
        Path location;
        try (Connection connection = new Database(server.connectionSettings()).connect()) {
            assertThat(server.ramTablespace(connection, EngineLog.SILENT)).contains(RamTablespace.NAME);
            location = location(connection);
            createAndRollBack(connection, "before_the_crash");
        }
        crash(data);
        try {
            server.close();
        } catch (RuntimeException alreadyGone) {
            // stopping a server that crashed may fail; its file lock is released all the same
        }
        deleteRecursively(location);
        assertThat(location).doesNotExist();

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, EngineLog.SILENT);
             Connection connection = new Database(again.connectionSettings()).connect()) {
            assertThat(again.ramTablespace(connection, EngineLog.SILENT)).contains(RamTablespace.NAME);
            createAndRollBack(connection, "after_the_reboot");
        } finally {
            deleteRecursively(location);
        }
    }

    @Test
    void theServerRunsTheMajorVersionItAnnouncesAndRefusesDataOfAnother() throws Exception {
        Path data = work.resolve("pgdata");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, EngineLog.SILENT);
             Connection connection = new Database(server.connectionSettings()).connect()) {
            assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(EmbeddedPostgresServer.MAJOR_VERSION);
        }
        assertThat(Files.readString(data.resolve("PG_VERSION")).strip())
                .isEqualTo(String.valueOf(EmbeddedPostgresServer.MAJOR_VERSION));

        // as a data directory an older plugin version left behind would be
        Files.writeString(data.resolve("PG_VERSION"), "14\n");
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, EngineLog.SILENT))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The embedded database in " + data + " was created by PostgreSQL 14, which the embedded "
                        + "PostgreSQL " + EmbeddedPostgresServer.MAJOR_VERSION + " of this plugin version cannot open; "
                        + "delete that directory (mvn clean does) to start afresh, or set migrations.url to use your own "
                        + "database.");
        // the file lock was let go: a start after the directory is fixed does not wait
        Files.writeString(data.resolve("PG_VERSION"), EmbeddedPostgresServer.MAJOR_VERSION + "\n");
        EmbeddedPostgresServer.start(data, EngineLog.SILENT).close();
    }

    /** PostgreSQL's immediate shutdown: no checkpoint, so the next start must replay the log. */
    private static void crash(Path data) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        Process kill = new ProcessBuilder("kill", "-QUIT", String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
    }
}
