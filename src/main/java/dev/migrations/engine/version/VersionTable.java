package dev.migrations.engine.version;

import dev.migrations.engine.MigrationException;
import dev.migrations.engine.dialect.Dialect;
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

/**
 * Where the database records its position. As in Alembic, the table itself holds the current
 * heads only (one row per head); a companion {@code <name>_log} table keeps every upgrade,
 * downgrade and stamp with the source checksum, time, duration and who ran it.
 */
public final class VersionTable {

    private final Dialect dialect;
    private final String schema;
    private final String name;
    /** The prepared statement of {@link #advance}, reused while its connection lasts. */
    private PreparedStatement advance;

    public VersionTable(Dialect dialect, String schema, String name) {
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
     * Replaces the recorded heads: rows no longer heads go, new ones come. A row that is not there
     * means another run moved the database under this one (it lost its lock): stop, so that the
     * caller rolls back instead of recording a position the database does not have.
     */
    public void moveHeads(Connection connection, Collection<String> before, Collection<String> after)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + heads() + " WHERE version_num = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + heads() + " (version_num) VALUES (?)")) {
            for (String head : before) {
                if (!after.contains(head)) {
                    delete.setString(1, head);
                    if (delete.executeUpdate() != 1) {
                        throw movedByAnotherRun(head);
                    }
                }
            }
            for (String head : after) {
                if (!before.contains(head)) {
                    insert.setString(1, head);
                    insert.executeUpdate();
                }
            }
        }
    }

    /**
     * Moves the heads and logs revisions in one statement (one round trip per revision instead
     * of three, which for hundreds of small revisions is a good part of the run; in
     * single-transaction mode one for the whole run), with the same guard as {@link #moveHeads}:
     * a head that is no longer there stops the revision.
     *
     * @param entries the log rows, oldest first
     */
    public void advance(Connection connection, Collection<String> before, Collection<String> after,
                        List<LogEntry> entries) throws SQLException {
        List<String> leaving = before.stream().filter(head -> !after.contains(head)).toList();
        List<String> arriving = after.stream().filter(head -> !before.contains(head)).toList();
        String sql = "WITH moved AS (DELETE FROM " + heads() + " WHERE version_num = ANY (?) RETURNING 1), "
                + "added AS (INSERT INTO " + heads() + " (version_num) SELECT unnest(?::varchar[]) RETURNING 1), "
                + "logged AS (" + logInsert() + " RETURNING 1) "
                + "SELECT (SELECT count(*) FROM moved)";
        // kept across revisions: from its fifth use the driver has the server plan it once
        if (advance == null || advance.isClosed() || advance.getConnection() != connection) {
            advance = connection.prepareStatement(sql);
        }
        PreparedStatement statement = advance;
        statement.setArray(1, connection.createArrayOf("varchar", leaving.toArray()));
        statement.setArray(2, connection.createArrayOf("varchar", arriving.toArray()));
        bindEntries(statement, 3, entries);
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            if (rs.getInt(1) != leaving.size()) {
                throw movedByAnotherRun(String.join(", ", leaving));
            }
        }
    }

    /**
     * One revision's version change as plain statements, to end the revision's own transaction
     * in the same round trip as its last statements (see {@link VersionMove}). The log row's
     * duration is the client's time before the transaction began plus the transaction's own time
     * on the server's clock, up to this row: the revision's whole time, known only once it ran.
     *
     * @param entry        the log row; its duration is not used
     * @param clientMillis the revision's time before it sent its first statement
     */
    public VersionMove move(Collection<String> before, Collection<String> after, LogEntry entry, long clientMillis) {
        List<String> statements = new ArrayList<>();
        List<String> leaving = before.stream().filter(head -> !after.contains(head)).toList();
        for (String head : leaving) {
            statements.add("DELETE FROM " + heads() + " WHERE version_num = " + dialect.literal(head));
        }
        for (String head : after) {
            if (!before.contains(head)) {
                statements.add("INSERT INTO " + heads() + " (version_num) VALUES (" + dialect.literal(head) + ")");
            }
        }
        statements.add("INSERT INTO " + log() + " (revision, action, message, checksum, duration_ms, applied_by) "
                + "VALUES (" + dialect.literal(entry.revision()) + ", " + dialect.literal(entry.action().code()) + ", "
                + dialect.literal(entry.message()) + ", " + dialect.literal(entry.checksum()) + ", " + clientMillis
                + " + (extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint, "
                + dialect.literal(entry.appliedBy()) + ")");
        return new VersionMove(statements, leaving, displayName());
    }

    /**
     * A revision's version change, as statements, and the check that makes it safe: each
     * departing head must have been there. As {@link #advance}'s guard, a row that is not there
     * means another run moved the database under this one.
     */
    public record VersionMove(List<String> statements, List<String> leaving, String table) {

        /** @param counts the update count of each of {@link #statements()}, in order */
        public void requireMoved(int[] counts) {
            for (int i = 0; i < leaving.size(); i++) {
                if (counts[i] != 1) {
                    throw movedByAnotherRun(table, String.join(", ", leaving));
                }
            }
        }
    }

    private MigrationException movedByAnotherRun(String heads) {
        return movedByAnotherRun(displayName(), heads);
    }

    private static MigrationException movedByAnotherRun(String table, String heads) {
        return new MigrationException("The database is no longer at " + heads + ": another run moved "
                + table + " while this one ran; nothing of this revision was recorded. See where it is (current), "
                + "then run again.");
    }

    public void clearHeads(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + heads());
        }
    }

    public void record(Connection connection, LogEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(logInsert())) {
            bindEntries(insert, 1, List.of(entry));
            insert.executeUpdate();
        }
    }

    /**
     * The log rows' insert, one row per element of six arrays (bound by {@link #bindEntries}), in
     * their order: one statement for one row or for a whole run's.
     */
    private String logInsert() {
        return "INSERT INTO " + log() + " (revision, action, message, checksum, duration_ms, applied_by) "
                + "SELECT r, a, m, c, d, b FROM unnest(?::varchar[], ?::varchar[], ?::text[], ?::varchar[], "
                + "?::bigint[], ?::text[]) WITH ORDINALITY AS e (r, a, m, c, d, b, n) ORDER BY n";
    }

    /** Binds the arrays of {@link #logInsert()} from parameter {@code first} on. */
    private static void bindEntries(PreparedStatement statement, int first, List<LogEntry> entries)
            throws SQLException {
        Connection connection = statement.getConnection();
        statement.setArray(first, connection.createArrayOf("varchar",
                entries.stream().map(LogEntry::revision).toArray()));
        statement.setArray(first + 1, connection.createArrayOf("varchar",
                entries.stream().map(entry -> entry.action().code()).toArray()));
        statement.setArray(first + 2, connection.createArrayOf("text",
                entries.stream().map(LogEntry::message).toArray()));
        statement.setArray(first + 3, connection.createArrayOf("varchar",
                entries.stream().map(LogEntry::checksum).toArray()));
        statement.setArray(first + 4, connection.createArrayOf("bigint",
                entries.stream().map(LogEntry::durationMillis).toArray()));
        statement.setArray(first + 5, connection.createArrayOf("text",
                entries.stream().map(LogEntry::appliedBy).toArray()));
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
