package dev.migrations.engine.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrations.testing.EmbeddedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which statement of a failed batch failed, and which of its transactions committed, on a real
 * PostgreSQL: with the driver's default, the extended query protocol (as the engine connects), and
 * with the simple one for plain statements (as an application's pool may be set up). In the
 * simple protocol a JDBC batch would go on past a failed commit into the next transaction.
 */
class SavepointBatchTest {


    @RegisterExtension
    static final EmbeddedServer postgres = new EmbeddedServer();

    @BeforeEach
    void freshTable() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS item");
            statement.execute("CREATE TABLE item (n int PRIMARY KEY, parent int REFERENCES item (n) "
                    + "DEFERRABLE INITIALLY DEFERRED)");
        }
    }

    private static Connection connect(String mode) throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres") + "&preferQueryMode=" + mode);
    }

    private static List<Integer> items(Connection connection) throws SQLException {
        List<Integer> items = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n FROM item ORDER BY n")) {
            while (rows.next()) {
                items.add(rows.getInt(1));
            }
        }
        return items;
    }

    private static int count(Connection connection) throws SQLException {
        return items(connection).size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"extendedForPrepared", "extended"})
    void aFailureInTheOpenTransactionIsNamed(String mode) throws SQLException {
        try (Connection connection = connect(mode);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO item VALUES (1, NULL)");

            SavepointBatch.Failure failure = catchThrowableOfType(SavepointBatch.Failure.class,
                    () -> SavepointBatch.send(statement, List.of("INSERT INTO item VALUES (2, NULL)",
                            "INSERT INTO item VALUES (2, NULL)", "INSERT INTO item VALUES (3, NULL)")));

            assertThat(failure.index()).isEqualTo(1);
            assertThat(failure.committed()).isZero();
            assertThat(failure.sqlException().getSQLState()).isEqualTo("23505");
            connection.rollback();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extendedForPrepared", "extended"})
    void aFailureInALaterTransactionSaysHowManyCommitted(String mode) throws SQLException {
        try (Connection connection = connect(mode);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);

            SavepointBatch.Failure failure = catchThrowableOfType(SavepointBatch.Failure.class,
                    () -> SavepointBatch.send(statement, List.of(
                                    "INSERT INTO item VALUES (1, NULL)",
                                    "INSERT INTO item VALUES (2, NULL)", "INSERT INTO item VALUES (3, NULL)",
                                    "INSERT INTO item VALUES (4, NULL)", "INSERT INTO item VALUES (3, NULL)",
                                    "INSERT INTO item VALUES (5, NULL)"),
                            List.of(1, 3, 6), () -> count(connection) == 1 ? 1 : count(connection) == 3 ? 2 : 0));

            assertThat(failure.committed()).isEqualTo(2);
            assertThat(failure.index()).isEqualTo(4);
            assertThat(failure.getMessage()).contains("(n)=(3)");
            connection.rollback();
            assertThat(items(connection)).containsExactly(1, 2, 3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extendedForPrepared", "extended"})
    void aFailureOnlyAtCommitIsPlacedAtTheEndOfItsTransaction(String mode) throws SQLException {
        try (Connection connection = connect(mode);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);

            SavepointBatch.Failure failure = catchThrowableOfType(SavepointBatch.Failure.class,
                    () -> SavepointBatch.send(statement, List.of(
                                    "INSERT INTO item VALUES (1, NULL)",
                                    "INSERT INTO item VALUES (2, 99)", "INSERT INTO item VALUES (3, NULL)",
                                    "INSERT INTO item VALUES (4, NULL)"),
                            List.of(1, 3, 4), () -> count(connection)));

            assertThat(failure.committed()).isEqualTo(1);
            assertThat(failure.index()).isEqualTo(2);
            assertThat(failure.sqlException().getSQLState()).isEqualTo("23503");
            connection.rollback();
            assertThat(items(connection)).containsExactly(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extendedForPrepared", "extended"})
    void aStatementEndingInACommentDoesNotTakeTheNextOneIntoIt(String mode) throws Exception {
        try (Connection connection = connect(mode);
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);

            SavepointBatch.send(statement, List.of("INSERT INTO item VALUES (1, NULL) -- the first",
                    "INSERT INTO item VALUES (2, NULL); -- ends with its own semicolon",
                    "INSERT INTO item VALUES (3, NULL)"),
                    List.of(3), () -> 0);

            assertThat(items(connection)).containsExactly(1, 2, 3);
        }
    }
}
