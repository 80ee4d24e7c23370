package dev.migrations.engine.runner;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.Spelling;
import dev.migrations.engine.db.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A session-level PostgreSQL advisory lock held by a dedicated connection for the whole run.
 * The server releases it when that session ends, so a killed build never leaves it stuck, and
 * since it is not tied to the migration's transactions, revisions that must run outside a
 * transaction ({@code CREATE INDEX CONCURRENTLY}) cannot deadlock against it.
 */
public final class AdvisoryLock implements AutoCloseable {

    private static final long POLL_MILLIS = 200;
    private static final long VERIFY_MILLIS = 250;

    private final Connection connection;
    private final long key;
    private long verifiedAt;

    private AdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
        this.verifiedAt = System.nanoTime();
    }

    /**
     * @param scope   what the lock protects, e.g. the qualified version table name
     * @param timeout how long to wait for another run to finish, in milliseconds
     */
    public static AdvisoryLock acquire(Database database, String scope, long timeout, EngineLog log,
                                       Spelling spelling) {
        long key = keyOf(scope);
        Connection connection = database.connect();
        try {
            connection.setAutoCommit(true);
            long deadline = System.currentTimeMillis() + timeout;
            boolean announced = false;
            while (!tryLock(connection, key)) {
                if (!announced) {
                    log.info("Waiting for another migration run to finish (it holds the lock"
                            + holder(connection, key) + ")");
                    announced = true;
                }
                if (System.currentTimeMillis() >= deadline) {
                    String holder = holder(connection, key);
                    throw new MigrationException("Another migration run still holds the lock after " + timeout / 1000
                            + " s" + (holder.isEmpty() ? "" : " (" + holder.substring(2) + ")")
                            + "; wait for it to finish or raise " + spelling.setting("lockTimeout") + ".");
                }
                Thread.sleep(POLL_MILLIS);
            }
            return new AdvisoryLock(connection, key);
        } catch (SQLException e) {
            close(connection);
            throw new MigrationException("Cannot take the migration lock: " + DatabaseMessage.of(e) + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(connection);
            throw new MigrationException("Interrupted while waiting for the migration lock.");
        } catch (RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Who holds the lock on {@code scope} now, if anyone does, without waiting for it: a
     * startup check that finds the database behind tells a rolling deploy's upgrade in progress
     * from a database nobody is upgrading.
     */
    public static Optional<String> holder(Connection connection, String scope) {
        String holder = holder(connection, keyOf(scope));
        return holder.isEmpty() ? Optional.empty() : Optional.of(holder.substring(2));
    }

    /** Who holds the lock, as far as pg_stat_activity tells; empty when it cannot. */
    private static String holder(Connection connection, long key) {
        String sql = "SELECT a.pid, a.usename, a.client_addr, a.backend_start FROM pg_locks l "
                + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                + "AND l.classid = ((? >> 32) & 4294967295)::oid AND l.objid = (? & 4294967295)::oid LIMIT 1";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            statement.setLong(2, key);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    return ": backend pid " + rs.getInt(1) + ", user " + rs.getString(2)
                            + (rs.getString(3) == null ? "" : ", from " + rs.getString(3))
                            + ", connected since " + rs.getTimestamp(4);
                }
            }
        } catch (SQLException ignored) {
            // the lock wait does not depend on being able to name its holder
        }
        return "";
    }

    /**
     * Fails when the session holding the lock has ended (the server terminated it, the network
     * dropped): from then on another run may take the lock, so this one must not go on. Asks the
     * server at most every {@value #VERIFY_MILLIS} ms: hundreds of small revisions would
     * otherwise pay a round trip each, and the version-table guard already makes a revision
     * recorded twice impossible.
     */
    public void verifyHeld() {
        long now = System.nanoTime();
        if (now - verifiedAt < VERIFY_MILLIS * 1_000_000L) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
            statement.execute();
            verifiedAt = System.nanoTime();
        } catch (SQLException e) {
            throw new MigrationException("Lost the migration lock: its connection to the database ended ("
                    + DatabaseMessage.of(e) + "), so the run stopped before the next revision; run it again.", e);
        }
    }

    /**
     * The lock's key for a scope ({@code schema.versionTable}): FNV-1a, a stable 64-bit key, the
     * same in every process and JVM version, so that other tools can take the same lock.
     */
    public static long keyOf(String scope) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : ("dev.migrations:" + scope).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    @Override
    public void close() {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        } catch (SQLException ignored) {
            // closing the session below releases the lock as well
        } finally {
            close(connection);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the server ends the session, and with it the lock
        }
    }
}
