package dev.migrations.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the tests of the RAM tablespace do to it: look where it is, use it, and clean up after it. */
final class ScratchTables {

    private ScratchTables() {
    }

    /** The directory the tablespace was created in, as the server has it. */
    static Path location(Connection connection) throws SQLException {
        return Path.of(single(connection, "SELECT pg_tablespace_location(oid) FROM pg_tablespace WHERE spcname = '"
                + RamTablespace.NAME + "'"));
    }

    static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getString(1);
        }
    }

    /** Creates {@code table} as the scratch schema would, checks that its file is in the tablespace, and rolls back. */
    static void createAndRollBack(Connection connection, String table) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL default_tablespace TO " + RamTablespace.NAME);
            statement.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text)");
            assertThat(single(connection, "SELECT pg_relation_filepath('" + table + "')")).startsWith("pg_tblspc/");
            assertThat(single(connection, "SELECT pg_relation_filepath('" + table + "_pkey')")).startsWith("pg_tblspc/");
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** Drops the tablespace and removes its directory, which outlives the test's own temporary one. */
    static void drop(Connection connection, Path location) throws SQLException, IOException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLESPACE IF EXISTS " + RamTablespace.NAME);
        }
        deleteRecursively(location);
    }

    static void deleteRecursively(Path location) throws IOException {
        if (Files.exists(location)) {
            try (Stream<Path> tree = Files.walk(location)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
