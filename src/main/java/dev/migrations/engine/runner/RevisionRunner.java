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
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs one revision's upgrade or downgrade together with its version-table change: in one
 * transaction, so that a failure leaves the database exactly at the previous revision.
 * A revision declared non-transactional runs with autocommit, and its version change is
 * recorded only after all of it succeeded.
 *
 * <p>A transactional revision committed on its own sends its version change with its last
 * statements, in one round trip: the heads move and the log row as plain statements at the end
 * of its batch, the departing heads' delete counts checked before the commit.
 *
 * <p>When the caller defers the commit (all pending revisions in one transaction), revisions
 * pile up in the open transaction until {@link #commit()}; a failure rolls all of them back.
 * Their statements wait in one {@link StatementBatch} until it is full, until a statement that
 * cannot wait, or until the commit, so that many small revisions cost a few round trips.
 * Their version changes wait too, and are written as one move, in one round trip, just before
 * the commit: nobody else can see the version table in between.
 *
 * <p>Each revision is reported to the listener once all its statements have run, with how long
 * it took: its own time on the client plus its share of the batches it was sent in.
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
    /** The revisions run in the open transaction, in order, by id. */
    private final List<String> uncommitted = new ArrayList<>();
    /** Revisions that ran with statements still waiting in the batch: not reported yet. */
    private final List<Ran> unsent = new ArrayList<>();
    /** The heads before the first uncommitted revision, and the log rows not written yet. */
    private Set<String> unrecordedFrom;
    private Set<String> unrecordedTo;
    private final List<LogEntry> unrecorded = new ArrayList<>();

    /** How the user names commands, for the advice after a lost connection. */
    private final Spelling spelling;

    /** A revision's run, and its own time on the client (batches sent meanwhile not counted). */
    private record Ran(LoadedRevision revision, LogEntry.Action action, long ownNanos) {
    }

    /** @param listener told of each revision once all of it ran, in order */
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
        this.batch = new StatementBatch(connection);
    }

    /** Runs upgrade(); with {@code commit} false the transaction stays open for more revisions. */
    public void upgrade(LoadedRevision revision, Set<String> headsBefore, Set<String> headsAfter, boolean commit) {
        run(revision, LogEntry.Action.UPGRADE, Migration::upgrade, headsBefore, headsAfter, commit);
    }

    public void downgrade(LoadedRevision revision, Set<String> headsBefore, Set<String> headsAfter,
                          boolean commit) {
        run(revision, LogEntry.Action.DOWNGRADE, Migration::downgrade, headsBefore, headsAfter, commit);
    }

    /** Sends what waits and commits the revisions left in the open transaction. */
    public void commit() {
        if (uncommitted.isEmpty()) {
            return;
        }
        try {
            long begin = System.nanoTime();
            batch.send();
            List<AppliedRevision> settled = settle();
            long sent = System.nanoTime();
            times.add("apply", sent - begin);
            record();
            connection.commit();
            times.add("version table", System.nanoTime() - sent);
            uncommitted.clear();
            settled.forEach(listener);
        } catch (OperationFailedException e) {
            throw operationFailed(e);
        } catch (SQLException e) {
            int count = uncommitted.size();
            abandon();
            throw new MigrationException("Committing the last " + count + " revision(s) failed: "
                    + DatabaseMessage.of(e) + ". " + (ConnectionLoss.is(e) ? ConnectionLoss.whileCommitting(spelling)
                    : "They were rolled back; run the goal again."), e);
        } catch (MigrationException e) {
            int count = uncommitted.size();
            abandon();
            throw count > 1 ? new MigrationException(e.getMessage() + " All " + count
                    + " revisions of this transaction were rolled back.", e) : e;
        }
    }

    /** Forgets the open transaction's revisions and rolls it back. */
    private void abandon() {
        uncommitted.clear();
        unsent.clear();
        unrecorded.clear();
        batch.clear();
        rollback();
    }

    /**
     * The revisions whose statements have all run: their log rows, to be written, and what to
     * tell the listener, once what must be committed with them is.
     */
    private List<AppliedRevision> settle() {
        List<AppliedRevision> settled = new ArrayList<>(unsent.size());
        for (Ran ran : unsent) {
            LoadedRevision revision = ran.revision();
            Duration took = Duration.ofNanos(ran.ownNanos() + batch.takeShare(revision.id()));
            unrecorded.add(new LogEntry(revision.id(), ran.action(), revision.message(),
                    revision.source().checksum(), took.toMillis(), appliedBy));
            settled.add(new AppliedRevision(revision.id(), revision.message(), took));
        }
        unsent.clear();
        return settled;
    }

    /** Writes the version changes of the revisions applied since the last commit. */
    private void record() throws SQLException {
        if (!unrecorded.isEmpty()) {
            VersionTable.VersionMove move = versionTable.move(unrecordedFrom, unrecordedTo, List.copyOf(unrecorded));
            move.requireMoved(batch.send(move.statements()));
            unrecorded.clear();
        }
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
            uncommitted.add(revision.id());
            ExecutingOperations op = new ExecutingOperations(connection, dialect, log, revision, action, batch);
            direction.apply(migration, op);
            if (commit && revision.transactional() && uncommitted.size() == 1) {
                // a revision in a transaction of its own: its version change ends its last batch
                LogEntry entry = new LogEntry(revision.id(), action, revision.message(), revision.source().checksum(),
                        null, appliedBy);
                VersionTable.VersionMove move = versionTable.move(headsBefore, headsAfter, entry,
                        Duration.ofNanos(op.firstSent() - start).toMillis());
                move.requireMoved(op.send(move.statements()));
                long applied = System.nanoTime();
                times.add("apply", applied - start);
                committing = true;
                connection.commit();
                uncommitted.clear();
                batch.takeShare(revision.id());
                times.add("version table", System.nanoTime() - applied);
                listener.accept(new AppliedRevision(revision.id(), revision.message(),
                        Duration.ofNanos(System.nanoTime() - start)));
                return;
            }
            boolean committingNow = commit || !revision.transactional();
            if (committingNow || batch.isFull()) {
                batch.send();
            }
            long applied = System.nanoTime();
            times.add("apply", applied - start);
            unsent.add(new Ran(revision, action, applied - start - (batch.sendingNanos() - sendingBefore)));
            unrecordedTo = headsAfter;
            List<AppliedRevision> settled = batch.isEmpty() ? settle() : List.of();
            if (!revision.transactional()) {
                connection.setAutoCommit(false);
            }
            if (committingNow) {
                record();
                committing = true;
                connection.commit();
                uncommitted.clear();
            }
            times.add("version table", System.nanoTime() - applied);
            settled.forEach(listener);
        } catch (OperationFailedException e) {
            throw operationFailed(e);
        } catch (SQLException e) {
            String what = rolledBack(revision, verb, e, committing);
            throw new MigrationException(failed(revision, verb) + ": " + DatabaseMessage.of(e) + ". " + what, e);
        } catch (MigrationException e) {
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
        if (e.action() == LogEntry.Action.UPGRADE && e.revision().transactional() && unrecordedFrom != null
                && unrecordedFrom.isEmpty() && PreexistingSchema.is(e.getCause())) {
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
        return new MigrationException(failed(e.revision(), verb) + " at '" + e.operation().describe() + "': "
                + e.databaseMessage() + ". " + what, e);
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
