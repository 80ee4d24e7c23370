package dev.migrations.engine.runner;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.dialect.Dialect;
import dev.migrations.engine.source.LoadedRevision;
import dev.migrations.engine.version.LogEntry;
import dev.migrations.engine.version.VersionTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * Runs one revision's upgrade or downgrade together with its version-table change: in one
 * transaction, so that a failure leaves the database exactly at the previous revision.
 * A revision declared non-transactional runs with autocommit, and its version change is
 * recorded only after all of it succeeded.
 */
public final class RevisionRunner {

    private final Connection connection;
    private final Dialect dialect;
    private final VersionTable versionTable;
    private final String appliedBy;
    private final EngineLog log;

    public RevisionRunner(Connection connection, Dialect dialect, VersionTable versionTable, String appliedBy,
                          EngineLog log) {
        this.connection = connection;
        this.dialect = dialect;
        this.versionTable = versionTable;
        this.appliedBy = appliedBy;
        this.log = log;
    }

    public Duration upgrade(LoadedRevision revision, Set<String> headsBefore, Set<String> headsAfter) {
        return run(revision, LogEntry.Action.UPGRADE, Migration::upgrade, headsBefore, headsAfter);
    }

    public Duration downgrade(LoadedRevision revision, Set<String> headsBefore, Set<String> headsAfter) {
        return run(revision, LogEntry.Action.DOWNGRADE, Migration::downgrade, headsBefore, headsAfter);
    }

    private interface Direction {
        void apply(Migration migration, Operations op);
    }

    private Duration run(LoadedRevision revision, LogEntry.Action action, Direction direction,
                         Set<String> headsBefore, Set<String> headsAfter) {
        Migration migration = revision.instantiate();
        long start = System.nanoTime();
        String verb = action == LogEntry.Action.UPGRADE ? "upgrade" : "downgrade";
        try {
            connection.setAutoCommit(!revision.transactional());
            ExecutingOperations op = new ExecutingOperations(connection, dialect, log);
            direction.apply(migration, op);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            if (!revision.transactional()) {
                connection.setAutoCommit(false);
            }
            versionTable.moveHeads(connection, headsBefore, headsAfter);
            versionTable.record(connection, new LogEntry(revision.id(), action, revision.message(),
                    revision.source().checksum(), millis, appliedBy));
            connection.commit();
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (OperationFailedException e) {
            rollback();
            throw new MigrationException("Revision " + revision.id() + " (" + revision.message() + ") failed in "
                    + verb + "() at '" + e.operation().describe() + "': " + e.databaseMessage() + ". "
                    + rolledBack(revision, verb), e);
        } catch (SQLException e) {
            rollback();
            throw new MigrationException("Revision " + revision.id() + " (" + revision.message() + ") failed in "
                    + verb + "(): " + DatabaseMessage.of(e) + ". " + rolledBack(revision, verb), e);
        } catch (MigrationException e) {
            rollback();
            throw e;
        } catch (RuntimeException e) {
            rollback();
            throw new MigrationException("Revision " + revision.id() + " (" + revision.message() + ") failed in "
                    + verb + "(): " + e + ". " + rolledBack(revision, verb), e);
        }
    }

    private static String rolledBack(LoadedRevision revision, String verb) {
        if (revision.transactional()) {
            return "Its changes were rolled back; fix the migration and run " + verb + " again.";
        }
        return "It is not transactional: statements that ran before the failure stay; "
                + "check the schema, fix the migration and run " + verb + " again.";
    }

    private void rollback() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is gone; the server rolled the transaction back
        }
    }
}
