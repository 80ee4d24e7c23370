package dev.migrations.autogen;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.migrations.autogen.ScratchTables.createAndRollBack;
import static dev.migrations.autogen.ScratchTables.deleteRecursively;
import static dev.migrations.autogen.ScratchTables.drop;
import static dev.migrations.autogen.ScratchTables.location;
import static dev.migrations.autogen.ScratchTables.single;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.Spelling;
import dev.migrations.engine.db.Database;
import dev.migrations.engine.db.EmbeddedPostgresServer;
import dev.migrations.testing.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Needs /dev/shm: a machine without it keeps the scratch schema on disk. */
@EnabledIf("hasRamDisk")
class RamTablespaceTest {

    @RegisterExtension
    static final EmbeddedServer postgres = new EmbeddedServer();

    @TempDir
    Path dataDirectory;

    static boolean hasRamDisk() {
        return Files.isDirectory(Path.of("/dev/shm"));
    }

    @Test
    void scratchRelationsLiveInRamAndLeaveNoDataAfterTheRollback() throws SQLException, IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            Optional<String> tablespace = RamTablespace.prepare(connection, dataDirectory, EngineLog.SILENT);
            assertThat(tablespace).contains(RamTablespace.NAME);
            Path location = location(connection);
            try {
                assertThat(location).startsWith(Path.of("/dev/shm"));

                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL default_tablespace TO " + tablespace.get());
                    statement.execute("CREATE TABLE scratch_t (id bigint PRIMARY KEY, name text)");
                    assertThat(single(connection, "SELECT pg_relation_filepath('scratch_t')")).startsWith("pg_tblspc/");
                    assertThat(single(connection, "SELECT pg_relation_filepath('scratch_t_pkey')")).startsWith("pg_tblspc/");
                    assertThat(bytesUnder(location)).isPositive();
                }
                connection.rollback();
                // unlinked, or emptied and left for the next checkpoint to unlink
                assertThat(bytesUnder(location)).isZero();

                // a second run finds it in place and keeps it
                connection.setAutoCommit(true);
                String oid = oid(connection);
                assertThat(RamTablespace.prepare(connection, dataDirectory, EngineLog.SILENT)).contains(RamTablespace.NAME);
                assertThat(oid(connection)).isEqualTo(oid);
            } finally {
                drop(connection, location);
            }
        }
    }

    @Test
    void aRebootThatEmptiedTheRamFileSystemIsRepairedOnTheNextRun() throws SQLException, IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            RamTablespace.prepare(connection, dataDirectory, EngineLog.SILENT);
            Path location = location(connection);
            try {
                deleteRecursively(location);

                assertThat(RamTablespace.prepare(connection, dataDirectory, EngineLog.SILENT)).contains(RamTablespace.NAME);
                createAndRollBack(connection, "after_reboot");
            } finally {
                drop(connection, location);
            }
        }
    }

    @Test
    void aLocationReplacedByALinkIsNotUsed() throws SQLException, IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            RamTablespace.prepare(connection, dataDirectory, EngineLog.SILENT);
            Path location = location(connection);
            Path moved = location.resolveSibling(location.getFileName() + "-moved");
            try {
                Files.move(location, moved);
                Files.createSymbolicLink(location, moved);

                assertThat(RamTablespace.prepare(connection, dataDirectory, EngineLog.SILENT)).isEmpty();
            } finally {
                Files.deleteIfExists(location);
                Files.move(moved, location);
                drop(connection, location);
            }
        }
    }

    private static String oid(Connection connection) throws SQLException {
        return single(connection, "SELECT oid FROM pg_tablespace WHERE spcname = '" + RamTablespace.NAME + "'");
    }

    private static long bytesUnder(Path location) throws IOException {
        try (Stream<Path> tree = Files.walk(location)) {
            return tree.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }

    /**
     * A killed build leaves its server running; if the machine then goes down, the next start
     * replays the server's log into the RAM tablespace, which the reboot emptied.
     */
    @Test
    void aServerThatCrashedAndLostItsRamTablespaceToARebootStartsAgain() throws Exception {
        Path data = dataDirectory.resolve("pgdata");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, EngineLog.SILENT, Spelling.LIBRARY);
        Path location;
        try (Connection connection = new Database(server.connectionSettings()).connect()) {
            assertThat(RamTablespace.prepare(connection, data, EngineLog.SILENT)).contains(RamTablespace.NAME);
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

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, EngineLog.SILENT, Spelling.LIBRARY);
             Connection connection = new Database(again.connectionSettings()).connect()) {
            assertThat(RamTablespace.prepare(connection, data, EngineLog.SILENT)).contains(RamTablespace.NAME);
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
