package dev.migrations.engine.version;

import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.engine.MigrationException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Where the database records its position. As in Alembic, the table itself holds the current
 * heads only (one row per head); a companion {@code <name>_log} table keeps every upgrade,
 * downgrade and stamp with the source checksum, time, duration and who ran it.
 */
public final class VersionTable {

    private static final String NOT_NULL_VIOLATION = "23502";
    private static final String LOG_INSERT =
            "INSERT INTO %s (revision, action, message, checksum, duration_ms, applied_by) ";

    private final PostgresDialect dialect;
    private final String schema;
    private final String name;

    public VersionTable(PostgresDialect dialect, String schema, String name) {
        this.dialect = dialect;
        this.schema = schema;
        this.name = name;
    }

    public String displayName() {
        return dialect.qualify(schema, name);
    }

    private String heads() {
        return dialect.qualify(schema, name);
    }

    private String log() {
        return dialect.qualify(schema, name + "_log");
    }

    public boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, heads());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    public void createIfMissing(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String create : createStatements()) {
                statement.execute(create);
            }
        }
    }

    /** The version table and its log, each created only if it is missing. */
    public List<String> createStatements() {
        return List.of("CREATE TABLE IF NOT EXISTS " + heads() + " (version_num varchar(32) NOT NULL, "
                        + "CONSTRAINT " + dialect.quote(name + "_pkc") + " PRIMARY KEY (version_num))",
                "CREATE TABLE IF NOT EXISTS " + log() + " ("
                        + "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                        + "revision varchar(32) NOT NULL, "
                        + "action varchar(16) NOT NULL, "
                        + "message text, "
                        + "checksum varchar(64), "
                        + "applied_at timestamp with time zone NOT NULL DEFAULT now(), "
                        + "duration_ms bigint, "
                        + "applied_by text)");
    }

    /** The current heads; empty for a database at base or without the table. */
    public Set<String> currentHeads(Connection connection) throws SQLException {
        return exists(connection) ? readHeads(connection) : new TreeSet<>();
    }

    /**
     * The heads and, for each revision in force, the checksum its most recent upgrade (or accept)
     * recorded: what the position and the edit check need, with one look for the table and
     * without the rest of the log rows (a run at head reads one for every revision, and decoding
     * thousands of timestamps is not free in a cold JVM).
     */
    public RecordedPosition position(Connection connection) throws SQLException {
        if (!exists(connection)) {
            return new RecordedPosition(new TreeSet<>(), new HashMap<>());
        }
        return new RecordedPosition(readHeads(connection),
                readInForce(connection, "revision, action, checksum", rs -> rs.getString(3)));
    }

    private Set<String> readHeads(Connection connection) throws SQLException {
        Set<String> heads = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version_num FROM " + heads())) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        }
        return heads;
    }

    /**
     * The one way the position changes: the statements that move the recorded heads from
     * {@code before} to {@code after} and add {@code entries} to the log, in that order. The
     * heads move in a statement that fails unless every departing head was there
     * ({@link VersionMove#isGuard}). Every writer (the runner, stamp, an accepted edit, the
     * offline script) sends these, in the transaction of what they record.
     *
     * @param entries the log rows, oldest first; a row without a duration logs none
     */
    public VersionMove move(Collection<String> before, Collection<String> after, List<LogEntry> entries) {
        return withLog(before, after, entries, entries.stream().map(entry -> entry.durationMillis() == null
                ? "NULL" : String.valueOf(entry.durationMillis())).toList());
    }

    /**
     * {@link #move(Collection, Collection, List)} for one revision whose statements end its own
     * transaction: its duration, known only once it ran, is the client's time before the
     * transaction began plus the transaction's own time on the server's clock up to the log row.
     *
     * @param entry        the log row; its duration is not used
     * @param clientMillis the revision's time before it sent its first statement
     */
    public VersionMove move(Collection<String> before, Collection<String> after, LogEntry entry, long clientMillis) {
        return withLog(before, after, List.of(entry), List.of(clientMillis
                + " + (extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint"));
    }

    private VersionMove withLog(Collection<String> before, Collection<String> after, List<LogEntry> entries,
                                List<String> durations) {
        List<String> leaving = before.stream().filter(head -> !after.contains(head)).toList();
        List<String> arriving = after.stream().filter(head -> !before.contains(head)).toList();
        List<String> statements = new ArrayList<>();
        if (leaving.size() == 1 && arriving.size() == 1 && entries.size() == 1) {
            statements.add(headReplaced(leaving.get(0), arriving.get(0), entries.get(0), durations.get(0)));
        } else {
            if (!leaving.isEmpty() || !arriving.isEmpty()) {
                statements.add(headsMove(leaving, arriving));
            }
            if (!entries.isEmpty()) {
                // one statement whatever the count: a one-transaction run of 500 revisions logs them all here
                List<String> rows = new ArrayList<>(entries.size());
                for (int i = 0; i < entries.size(); i++) {
                    rows.add("(" + logRow(entries.get(i), literal(entries.get(i).revision()), durations.get(i)) + ")");
                }
                statements.add(LOG_INSERT.formatted(log()) + "VALUES " + String.join(", ", rows));
            }
        }
        return new VersionMove(statements, leaving, displayName(), name);
    }

    /**
     * A revision applied or undone on a line of history (one head leaves, one arrives, the most
     * common move by far) as one statement: the head is updated in place and the log row written
     * only if it was there. When it was not, the log row gets a NULL revision, which the log
     * refuses, and the transaction fails: the same guard as {@link #headsMove}'s, in one
     * statement instead of two, and an update in place instead of a delete and an insert (on
     * the server, 0.1 s less than the general form over 500 revisions: bench/history.md).
     */
    private String headReplaced(String leaving, String arriving, LogEntry entry, String durationMillis) {
        return "WITH moved AS (UPDATE " + heads() + " SET version_num = " + dialect.literal(arriving)
                + " WHERE version_num = " + dialect.literal(leaving) + " RETURNING 1) "
                + LOG_INSERT.formatted(log()) + "SELECT " + logRow(entry, "CASE WHEN (SELECT count(*) FROM moved) = 1 THEN "
                + literal(entry.revision()) + " END", durationMillis);
    }

    /**
     * The heads' move as one statement. With heads departing it is guarded on the server: when
     * fewer of them were there than expected (another run moved the table under this one), it
     * inserts a NULL head, which the primary key refuses, and the transaction fails. The guard
     * so holds wherever the statement runs: among a batch of several revisions' transactions
     * that nobody checks one by one, and in an offline script run by psql.
     */
    private String headsMove(List<String> leaving, List<String> arriving) {
        String table = heads();
        String arrivingRows = arriving.stream().map(head -> "(" + dialect.literal(head) + ")")
                .collect(Collectors.joining(", "));
        if (leaving.isEmpty()) {
            return "INSERT INTO " + table + " (version_num) VALUES " + arrivingRows;
        }
        String departed = "(SELECT count(*) FROM departed)";
        int expected = leaving.size();
        return "WITH departed AS (DELETE FROM " + table + " WHERE version_num IN ("
                + leaving.stream().map(dialect::literal).collect(Collectors.joining(", ")) + ") RETURNING 1) "
                + "INSERT INTO " + table + " (version_num) "
                + (arriving.isEmpty() ? "" : "SELECT arriving FROM (VALUES " + arrivingRows + ") AS move(arriving) WHERE "
                        + departed + " = " + expected + " UNION ALL ")
                + "SELECT NULL WHERE " + departed + " <> " + expected;
    }

    private String literal(String value) {
        return dialect.literal(value);
    }

    /** A log row's values, its revision given as an expression. */
    private String logRow(LogEntry entry, String revision, String durationMillis) {
        return revision + ", " + literal(entry.action().code()) + ", " + literal(entry.message()) + ", "
                + literal(entry.checksum()) + ", " + durationMillis + ", " + literal(entry.appliedBy());
    }

    /**
     * A version change as statements, and how to recognize its guard failing: a departing head
     * that was not there means another run moved the database under this one (it lost its lock),
     * and the transaction, which would record a position the database does not have, fails.
     */
    public record VersionMove(List<String> statements, List<String> leaving, String table, String tableName) {

        /** Whether {@code failure} is this move's guard: the NULL head or log revision its tables refused. */
        public boolean isGuard(SQLException failure) {
            SQLException e = failure instanceof BatchUpdateException && failure.getNextException() != null
                    ? failure.getNextException() : failure;
            if (!NOT_NULL_VIOLATION.equals(e.getSQLState()) || !(e instanceof PSQLException psql)) {
                return false;
            }
            ServerErrorMessage server = psql.getServerErrorMessage();
            return server != null && (tableName.equals(server.getTable()) && "version_num".equals(server.getColumn())
                    || (tableName + "_log").equals(server.getTable()) && "revision".equals(server.getColumn()));
        }

        /** What to tell the user when {@link #isGuard} holds. */
        public MigrationException movedByAnotherRun(SQLException cause) {
            return new MigrationException("The database is no longer at " + String.join(", ", leaving)
                    + ": another run moved " + table + " while this one ran; nothing of this revision was "
                    + "recorded. See where it is (current), then run again.", cause);
        }

        /** Sends the statements in one round trip on {@code connection}'s open transaction. */
        public void execute(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                for (String next : statements) {
                    statement.addBatch(next);
                }
                statement.executeBatch();
            } catch (SQLException e) {
                if (isGuard(e)) {
                    throw movedByAnotherRun(e);
                }
                throw e;
            }
        }
    }

    /** For each revision, the most recent upgrade of it still in force (not undone since). */
    public Map<String, AppliedRecord> lastUpgrades(Connection connection) throws SQLException {
        return inForce(connection, "revision, action, checksum, applied_at, duration_ms, applied_by",
                VersionTable::record);
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The newest log row of each revision not undone since, read from {@code columns} (revision, action first). */
    private <T> Map<String, T> inForce(Connection connection, String columns, RowReader<T> reader)
            throws SQLException {
        return exists(connection) ? readInForce(connection, columns, reader) : new HashMap<>();
    }

    private <T> Map<String, T> readInForce(Connection connection, String columns, RowReader<T> reader)
            throws SQLException {
        Map<String, T> rows = new HashMap<>();
        String sql = "SELECT DISTINCT ON (revision) " + columns + " FROM " + log() + " ORDER BY revision, id DESC";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                if (LogEntry.Action.of(rs.getString(2)) != LogEntry.Action.DOWNGRADE) {
                    rows.put(rs.getString(1), reader.read(rs));
                }
            }
        }
        return rows;
    }

    /**
     * Writes the newest log row again, unchanged: a transaction that surely writes, for a commit
     * that waits for its flush (see {@code DeferredFlush}). Nothing when the log is empty.
     */
    public void rewriteNewestLogRow(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE " + log() + " SET applied_by = applied_by WHERE id = (SELECT max(id) FROM "
                    + log() + ")");
        }
    }

    /** Every log row, oldest first. */
    public List<AppliedRecord> entries(Connection connection) throws SQLException {
        List<AppliedRecord> rows = new ArrayList<>();
        if (!exists(connection)) {
            return rows;
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT revision, action, checksum, applied_at, duration_ms, applied_by FROM " + log() + " ORDER BY id")) {
            while (rs.next()) {
                rows.add(record(rs));
            }
        }
        return rows;
    }

    /** Reads a row selected as: revision, action, checksum, applied_at, duration_ms, applied_by. */
    private static AppliedRecord record(ResultSet rs) throws SQLException {
        LogEntry.Action action = LogEntry.Action.of(rs.getString(2));
        Timestamp at = rs.getTimestamp(4);
        long duration = rs.getLong(5);
        Long durationMillis = rs.wasNull() ? null : duration;
        return new AppliedRecord(rs.getString(1), action, rs.getString(3), at == null ? null : at.toInstant(),
                durationMillis, rs.getString(6));
    }
}
