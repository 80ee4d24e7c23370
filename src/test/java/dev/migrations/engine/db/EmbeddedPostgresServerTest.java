package dev.migrations.engine.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrations.engine.EngineLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
            location = Path.of(single(connection, "SELECT pg_tablespace_location(oid) FROM pg_tablespace"
                    + " WHERE spcname = '" + RamTablespace.NAME + "'"));
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

    private static void createAndRollBack(Connection connection, String table) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL default_tablespace TO " + RamTablespace.NAME);
            statement.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text)");
            try (ResultSet rs = statement.executeQuery("SELECT pg_relation_filepath('" + table + "')")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("pg_tblspc/");
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
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

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void deleteRecursively(Path location) throws IOException {
        if (Files.exists(location)) {
            try (Stream<Path> tree = Files.walk(location)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
