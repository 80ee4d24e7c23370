package dev.migrations.engine.db;

import static dev.migrations.engine.db.ScratchTables.createAndRollBack;
import static dev.migrations.engine.db.ScratchTables.deleteRecursively;
import static dev.migrations.engine.db.ScratchTables.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrations.engine.EngineLog;
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

    /** PostgreSQL's immediate shutdown: no checkpoint, so the next start must replay the log. */
    private static void crash(Path data) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        Process kill = new ProcessBuilder("kill", "-QUIT", String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
    }
}
