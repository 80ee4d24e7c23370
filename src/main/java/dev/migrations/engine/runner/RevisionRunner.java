package dev.migrations.engine.runner;

import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.engine.AppliedRevision;
import dev.migrations.engine.Spelling;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.internal.PhaseTimes;
import dev.migrations.engine.source.LoadedRevision;
import dev.migrations.engine.version.LogEntry;
import dev.migrations.engine.version.VersionTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs one revision's upgrade or downgrade together with its version-table change: in one
 * transaction, so that a failure leaves the database exactly at the previous revision.
 * A revision declared non-transactional runs with autocommit, and its version change is
 * recorded only after all of it succeeded.
 *
 * <p>Statements are sent in {@link StatementBatch}es, many at a time. When each revision
 * commits on its own, a batch holds whole transactions, one per revision (its statements, its
 * version change, its commit), so that a run of many small revisions costs a round trip per
 * batch instead of two per revision, and the server is not kept waiting for the client between
 * them. A revision is reported to the listener once its transaction has committed.
 *
 * <p>When the caller defers the commit (all pending revisions in one transaction), revisions
 * pile up in the open transaction until {@link #commit()}; a failure rolls all of them back.
 * Their version changes wait too, and are written as one move with the commit.
 *
 * <p>Each revision is reported with how long it took: its own time on the client plus its share
 * of the batches it was sent in.
 */
public final class RevisionRunner {

    private final Connection connection;
    private final PostgresDialect dialect;
    private final VersionTable versionTable;
    private final String appliedBy;
    private final EngineLog log;
    private final PhaseTimes times;
    private final Consumer<AppliedRevision> listener;
    private final StatementBatch batch;
    /** The revisions run in the open transaction of the one-transaction mode, in order, by id. */
    private final List<String> uncommitted = new ArrayList<>();
    /** Revisions that ran and whose transaction has not committed yet: not reported yet. */
    private final List<Ran> unsettled = new ArrayList<>();
    /** The heads before the first uncommitted revision, and after the last. */
    private Set<String> unrecordedFrom;
    private Set<String> unrecordedTo;
    /** For each revision run, the heads when its transaction began. */
    private final Map<String, Set<String>> transactionFrom = new HashMap<>();

    /** How the user names commands, for the advice after a lost connection. */
    private final Spelling spelling;

    /** A revision's run, and its own time on the client (batches sent meanwhile not counted). */
    private record Ran(LoadedRevision revision, LogEntry.Action action, long ownNanos) {
    }

    /** @param listener told of each revision once it has committed, in order */
    public RevisionRunner(Connection connection, PostgresDialect dialect, VersionTable versionTable, String appliedBy,
                          EngineLog log, PhaseTimes times, Spelling spelling, Consumer<AppliedRevision> listener) {
        this.spelling = spelling;
        this.connection = connection;
        this.dialect = dialect;
        this.versionTable = versionTable;
        this.appliedBy = appliedBy;
        this.log = log;
        this.times = times;
        this.listener = listener;
        this.batch = new StatementBatch(connection, () -> versionTable.currentHeads(connection), this::committed);
    }

    /** Runs upgrade(); with {@code commit} false the transaction stays open for more revisions. */
    public void upgrade(LoadedRevision revision, Set<String> headsBefore, Set<String> headsAfter, boolean commit) {
        run(revision, LogEntry.Action.UPGRADE, Migration::upgrade, headsBefore, headsAfter, commit);
    }

    public void downgrade(LoadedRevision revision, Set<String> headsBefore, Set<String> headsAfter,
                          boolean commit) {
        run(revision, LogEntry.Action.DOWNGRADE, Migration::downgrade, headsBefore, headsAfter, commit);
    }

    /** Sends what waits and commits the revisions not committed yet. */
    public void commit() {
        try {
            long begin = System.nanoTime();
            batch.send();
            long sent = System.nanoTime();
            times.add("apply", sent - begin);
            if (!uncommitted.isEmpty()) {
                recordOpenTransaction();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            times.add("version table", System.nanoTime() - sent);
        } catch (OperationFailedException e) {
            throw operationFailed(e);
        } catch (StatementBatch.CommitLostException e) {
            abandon();
            throw new MigrationException(ConnectionLoss.whileCommitting(spelling), e);
        } catch (SQLException e) {
            int count = uncommitted.size();
            abandon();
            throw new MigrationException("Committing the last " + count + " revision(s) failed: "
                    + DatabaseMessage.of(e) + ". " + (ConnectionLoss.is(e) ? ConnectionLoss.whileCommitting(spelling)
                    : "They were rolled back; run it again."), e);
        } catch (MigrationException e) {
            int count = uncommitted.size();
            abandon();
            throw count > 1 ? new MigrationException(e.getMessage() + " All " + count
                    + " revisions of this transaction were rolled back.", e) : e;
        }
    }

    /**
     * The version change of the one transaction's revisions, as one move, and its commit: after
     * their statements were sent, so that each logged duration includes its share of them.
     */
    private void recordOpenTransaction() {
        List<LogEntry> entries = new ArrayList<>(unsettled.size());
        for (Ran ran : unsettled) {
            LoadedRevision revision = ran.revision();
            entries.add(new LogEntry(revision.id(), ran.action(), revision.message(), revision.source().checksum(),
                    Duration.ofNanos(ran.ownNanos() + batch.share(revision.id())).toMillis(), appliedBy));
        }
        Ran last = unsettled.get(unsettled.size() - 1);
        commitInBatch(last.revision(), last.action(), versionTable.move(unrecordedFrom, unrecordedTo, entries),
                unrecordedTo);
        batch.send();
        uncommitted.clear();
    }

    private void commitInBatch(LoadedRevision revision, LogEntry.Action action, VersionTable.VersionMove move,
                               Set<String> headsAfter) {
        move.statements().forEach(statement -> log.debug("    " + statement));
        batch.commit(revision, action, move, headsAfter);
    }

    /** A batch committed the transaction that ends with {@code revision}: reports it and those before it. */
    private void committed(LoadedRevision revision) {
        while (!unsettled.isEmpty()) {
            Ran ran = unsettled.remove(0);
            LoadedRevision settled = ran.revision();
            Duration took = Duration.ofNanos(ran.ownNanos() + batch.takeShare(settled.id()));
            listener.accept(new AppliedRevision(settled.id(), settled.message(), took));
            if (settled == revision) {
                return;
            }
        }
    }

    /**
     * For a run that stops before its next revision: the revisions whose transactions wait whole
     * in the batch commit, as they would have had each been sent on its own, and an open
     * transaction (the one-transaction mode's) is rolled back.
     */
    public void stopBeforeNext() {
        commitWaiting();
        abandon();
    }

    /**
     * Before giving up on a revision that failed: the revisions before it whose transactions
     * wait whole in the batch commit, as they would have had each been sent on its own. A
     * failure among them came first, and is the one reported.
     */
    private void commitWaiting() {
        batch.dropOpen();
        try {
            batch.send();
        } catch (OperationFailedException e) {
            throw operationFailed(e);
        } catch (StatementBatch.CommitLostException e) {
            abandon();
            throw new MigrationException(ConnectionLoss.whileCommitting(spelling), e);
        }
    }

    /** Forgets the open transaction's revisions and rolls it back. */
    private void abandon() {
        uncommitted.clear();
        unsettled.clear();
        batch.clear();
        rollback();
    }

    private interface Direction {
        void apply(Migration migration, Operations op);
    }

    private void run(LoadedRevision revision, LogEntry.Action action, Direction direction,
                     Set<String> headsBefore, Set<String> headsAfter, boolean commit) {
        long start = System.nanoTime();
        long sendingBefore = batch.sendingNanos();
        String verb = verb(action);
        boolean committing = false;
        try {
            Migration migration = revision.instantiate();
            if (!revision.transactional()) {
                // statements that refuse a transaction block must not land in the open one
                commit();
            }
            connection.setAutoCommit(!revision.transactional());
            if (uncommitted.isEmpty()) {
                unrecordedFrom = headsBefore;
            }
            transactionFrom.put(revision.id(), unrecordedFrom);
            uncommitted.add(revision.id());
            ExecutingOperations op = new ExecutingOperations(connection, dialect, log, revision, action, batch);
            direction.apply(migration, op);
            long own = System.nanoTime() - start - (batch.sendingNanos() - sendingBefore);
            unsettled.add(new Ran(revision, action, own));
            if (!revision.transactional()) {
                // it ran with autocommit: its version change is a transaction of its own, now
                connection.setAutoCommit(false);
                LogEntry entry = new LogEntry(revision.id(), action, revision.message(), revision.source().checksum(),
                        Duration.ofNanos(own).toMillis(), appliedBy);
                commitInBatch(revision, action, versionTable.move(headsBefore, headsAfter, List.of(entry)), headsAfter);
                uncommitted.clear();
                committing = true;
                batch.send();
            } else if (commit) {
                // a transaction of its own, which commits in the batch it is sent in
                LogEntry entry = new LogEntry(revision.id(), action, revision.message(), revision.source().checksum(),
                        null, appliedBy);
                commitInBatch(revision, action, versionTable.move(headsBefore, headsAfter, entry,
                        Duration.ofNanos(own).toMillis()), headsAfter);
                uncommitted.clear();
            } else {
                unrecordedTo = headsAfter;
            }
            if (batch.isFull()) {
                batch.send();
            }
            times.add("apply", System.nanoTime() - start);
        } catch (OperationFailedException e) {
            throw operationFailed(e);
        } catch (StatementBatch.CommitLostException e) {
            abandon();
            throw new MigrationException(ConnectionLoss.whileCommitting(spelling), e);
        } catch (SQLException e) {
            String what = rolledBack(revision, verb, e, committing);
            throw new MigrationException(failed(revision, verb) + ": " + DatabaseMessage.of(e) + ". " + what, e);
        } catch (MigrationException e) {
            commitWaiting();
            abandon();
            throw e;
        } catch (RuntimeException e) {
            String what = rolledBack(revision, verb, e, false);
            throw new MigrationException(failed(revision, verb) + ": " + e + ". " + what, e);
        } catch (OutOfMemoryError | InternalError e) {
            // the JVM itself is failing: nothing more is sure to work, not even the message
            abandon();
            throw e;
        } catch (Error e) {
            // the migration's own code (an assertion, a recursion, a static initializer): a user error
            String what = rolledBack(revision, verb, e, false);
            throw new MigrationException(failed(revision, verb) + ": " + thrown(e) + ". " + what, e);
        }
    }

    /** What the migration's code threw; for a failed static initializer, what that threw. */
    private static String thrown(Error e) {
        if (e instanceof ExceptionInInitializerError && e.getCause() != null) {
            return "its static initializer threw " + e.getCause();
        }
        return e.toString();
    }

    /** An operation failed: of the revision running, or of an earlier one whose statements waited. */
    private MigrationException operationFailed(OperationFailedException e) {
        String verb = verb(e.action());
        Set<String> from = transactionFrom.get(e.revision().id());
        if (e.action() == LogEntry.Action.UPGRADE && e.revision().transactional() && from != null
                && from.isEmpty() && PreexistingSchema.is(e.getCause())) {
            // at base, what the first revisions create is already there: a database made before
            // the migrations (by Hibernate, by hand), which stamp adopts; the migration is not at fault
            abandon();
            return new MigrationException("The database predates the migrations: no revision is recorded in it, yet "
                    + "revision " + e.revision().id() + " (" + e.revision().message() + ") finds what it creates at '"
                    + e.operation().describe() + "': " + e.databaseMessage() + ". Nothing was changed; record the "
                    + "revision its schema matches with stamp (head, when it matches the entities) instead of "
                    + "upgrading (docs/adopting.md).", e);
        }
        String what = rolledBack(e.revision(), verb, e.getCause(), false);
        String where = e.operation() == null ? " while recording it" : " at '" + e.operation().describe() + "'";
        return new MigrationException(failed(e.revision(), verb) + where + ": " + e.databaseMessage() + ". " + what, e);
    }

    private static String verb(LogEntry.Action action) {
        return action == LogEntry.Action.UPGRADE ? "upgrade" : "downgrade";
    }

    private static String failed(LoadedRevision revision, String verb) {
        return "Revision " + revision.id() + " (" + revision.message() + ") failed in " + verb + "()";
    }

    /** Rolls back and says what that left: the user's next step depends on it. */
    private String rolledBack(LoadedRevision revision, String verb, Throwable cause, boolean committing) {
        int earlier = revision.transactional() ? Math.max(0, uncommitted.indexOf(revision.id())) : 0;
        if (!ConnectionLoss.is(cause)) {
            commitWaiting();
        }
        abandon();
        boolean lost = ConnectionLoss.is(cause);
        if (lost && committing) {
            return ConnectionLoss.whileCommitting(spelling);
        }
        String with = earlier == 0 ? "" : " together with the " + earlier
                + " revision(s) applied before it in this transaction";
        if (lost) {
            return "The connection to the database was lost; "
                    + (revision.transactional() ? "the server rolled the revision back" + with
                    : "it is not transactional, so statements that ran before the loss stay")
                    + " and nothing of it was recorded. Check that the database is up and run " + verb + " again.";
        }
        if (revision.transactional()) {
            return "Its changes were rolled back" + with + "; fix the migration and run " + verb + " again.";
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
