package dev.migrations.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.api.model.SqlType;
import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.testing.EmbeddedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which type changes rewrite the table, asked of PostgreSQL itself: a rewrite gives the table a
 * new file ({@code pg_class.relfilenode}), a change done in the catalog keeps it. The lint's
 * {@code changing-column-type} warns by {@link TypeConversion#rewritesTable}; it must agree.
 */
class TypeConversionDatabaseTest {

    @RegisterExtension
    static final EmbeddedServer postgres = new EmbeddedServer();

    private static final PostgresDialect DIALECT = new PostgresDialect();

    private record Change(SqlType from, SqlType to) {
    }

    @Test
    void theLintSaysARewriteExactlyWhenPostgresqlGivesTheTableANewFile() throws SQLException {
        List<Change> changes = List.of(
                new Change(SqlType.of("varchar", 20), SqlType.of("varchar", 50)),
                new Change(SqlType.of("varchar", 50), SqlType.of("varchar", 20)),
                new Change(SqlType.of("varchar", 20), SqlType.of("text")),
                new Change(SqlType.of("text"), SqlType.of("varchar")),
                new Change(SqlType.of("integer"), SqlType.of("bigint")),
                new Change(SqlType.of("smallint"), SqlType.of("integer")),
                new Change(SqlType.of("numeric", 10, 2), SqlType.of("numeric", 12, 2)),
                new Change(SqlType.of("numeric", 10, 2), SqlType.of("numeric", 12, 4)),
                new Change(SqlType.of("numeric", 10, 2), SqlType.of("numeric")),
                new Change(SqlType.of("timestamp", 3), SqlType.of("timestamp", 6)),
                new Change(SqlType.of("timestamp", 6), SqlType.of("timestamp", 3)),
                new Change(SqlType.of("timestamp"), SqlType.of("timestamp with time zone")),
                new Change(SqlType.of("integer"), SqlType.of("text")),
                new Change(SqlType.of("varchar[]", 20), SqlType.of("varchar[]", 30)));
        List<String> disagreements = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // timestamp to timestamp with time zone keeps the file only in a session at UTC; the
            // lint cannot know the deploy's session time zone, so it is asked outside UTC
            statement.execute("SET TimeZone = 'Europe/Berlin'");
            for (Change change : changes) {
                statement.execute("DROP TABLE IF EXISTS t");
                statement.execute("CREATE TABLE t (c " + DIALECT.typeName(change.from()) + ")");
                statement.execute("INSERT INTO t VALUES (NULL)");
                long before = fileOf(statement);
                statement.execute("ALTER TABLE t ALTER COLUMN c TYPE " + DIALECT.typeName(change.to()));
                boolean rewritten = fileOf(statement) != before;
                if (rewritten != TypeConversion.rewritesTable(change.from(), change.to())) {
                    disagreements.add(change + ": PostgreSQL " + (rewritten ? "rewrote" : "did not rewrite")
                            + " the table");
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private static long fileOf(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT relfilenode FROM pg_class WHERE relname = 't'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
