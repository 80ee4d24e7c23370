package dev.migrations.engine;

import dev.migrations.engine.internal.Await;
import dev.migrations.engine.internal.DatabaseSession;
import dev.migrations.engine.internal.EditedRevisions;
import dev.migrations.engine.internal.HistoryLine;
import dev.migrations.engine.internal.PendingSession;
import dev.migrations.engine.internal.PhaseTimes;
import dev.migrations.engine.internal.SlowRevisionWatch;
import dev.migrations.engine.db.TableSizes;
import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.engine.graph.RevisionGraph;
import dev.migrations.engine.graph.RevisionNode;
import dev.migrations.engine.runner.AdvisoryLock;
import dev.migrations.engine.runner.DeferredFlush;
import dev.migrations.engine.runner.RevisionRunner;
import dev.migrations.engine.source.LoadedRevision;
import dev.migrations.engine.source.RevisionCatalog;
import dev.migrations.engine.source.ShippedIndex;
import dev.migrations.engine.version.AppliedRecord;
import dev.migrations.engine.version.LogEntry;
import dev.migrations.engine.version.RecordedPosition;
import dev.migrations.engine.runner.SqlScript;
import dev.migrations.engine.version.VersionTable;
import dev.migrations.lint.TableFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The engine's front door: one method per goal, each returning what it did. The Maven goals
 * only build a {@link MigrationsConfig} and call these; tests call them directly.
 */
public final class Migrations {

    private final MigrationsConfig config;
    private final EngineLog log;
    private final PostgresDialect dialect = new PostgresDialect();
    private final PhaseTimes times = new PhaseTimes();

    public Migrations(MigrationsConfig config, EngineLog log) {
        this.config = config;
        this.log = log;
    }

    /** The way in for an application: its data source, its shipped revisions, its logging. */
    public static MigrationsBuilder configure() {
        return new MigrationsBuilder();
    }

    /** The revision graph, with changed sources compiled when a class is needed; needs no database. */
    public RevisionCatalog catalog() {
        if (config.revisions() instanceof RevisionSource.SourceTree tree) {
            return RevisionCatalog.load(tree.directory(), tree.packageName(), config.classesDirectory(), log, times,
                    config.spelling());
        }
        RevisionSource.Shipped shipped = (RevisionSource.Shipped) config.revisions();
        return RevisionCatalog.shipped(shipped.classLoader(), shipped.packageName(), times, config.spelling());
    }

    /** The revision graph alone: {@link #catalog()}, closed once its graph is built. */
    public RevisionGraph graph() {
        try (RevisionCatalog catalog = catalog()) {
            return catalog.graph();
        }
    }

    public RunResult upgrade(String target) {
        try {
            return upgradeTimed(target);
        } finally {
            times.report(log, config.verbose());
        }
    }

    private RunResult upgradeTimed(String target) {
        try (PendingSession pending = PendingSession.openReadingPosition(config, dialect, log);
                 RevisionCatalog catalog = catalog()) {
            DatabaseSession session = times.time("connect", pending::get);
            long begin = System.nanoTime();
            RecordedPosition recorded = session.position();
            RevisionGraph graph = catalog.graph();
            Set<String> heads = knownHeads(session, graph, recorded.heads());
            EditedRevisions edited = edited(catalog, recorded, heads);
            times.add("position", System.nanoTime() - begin);
            edited.requireAccepted();
            if (graph.upgradePlan(heads, target).isEmpty() && edited.accepted().isEmpty()) {
                log.info("Nothing to upgrade: " + session.describe() + " is at " + describe(heads, graph) + ".");
                return new RunResult(List.of(), heads, heads);
            }
            // compiled while the lock is taken, and waited for before the first write
            Future<Void> compiling = catalog.compileAhead();
            try (AdvisoryLock lock = times.time("lock", () -> session.lock(log))) {
                Await.result(compiling, "compiling the migrations");
                session.prepareForWrites();
                // Another run may have moved the database while this one waited for the lock.
                RecordedPosition locked = session.position();
                Set<String> before = knownHeads(session, graph, locked.heads());
                edited = edited(catalog, locked, before);
                edited.requireAccepted();
                recordAccepted(session, graph, edited);
                List<RevisionNode> plan = graph.upgradePlan(before, target);
                if (plan.isEmpty()) {
                    log.info("Nothing to upgrade: " + session.describe() + " is at " + describe(before, graph) + ".");
                    return new RunResult(List.of(), before, before);
                }
                log.info("Upgrading " + session.describe() + " from "
                        + describe(before, graph) + ": " + plural(plan.size(), "revision") + " to apply"
                        + (config.singleTransaction() ? " in one transaction" : ""));
                return walk(catalog, session, lock, plan, before, true);
            }
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    public RunResult downgrade(String target) {
        try {
            return downgradeTimed(target);
        } finally {
            times.report(log, config.verbose());
        }
    }

    private RunResult downgradeTimed(String target) {
        try (PendingSession pending = PendingSession.openReadingPosition(config, dialect, log);
                 RevisionCatalog catalog = catalog()) {
            RevisionGraph graph = catalog.graph();
            DatabaseSession session = times.time("connect", pending::get);
            RecordedPosition recorded = session.position();
            Set<String> heads = knownHeads(session, graph, recorded.heads());
            graph.downgradePlan(heads, target);
            // downgrade() of an edited file is not the code that ran: the same rule as for upgrade
            edited(catalog, recorded, heads).requireAccepted();
            Future<Void> compiling = catalog.compileAhead();
            try (AdvisoryLock lock = times.time("lock", () -> session.lock(log))) {
                Await.result(compiling, "compiling the migrations");
                RecordedPosition locked = session.position();
                Set<String> before = knownHeads(session, graph, locked.heads());
                edited(catalog, locked, before).requireAccepted();
                List<RevisionNode> plan = graph.downgradePlan(before, target);
                if (plan.isEmpty()) {
                    log.info("Nothing to downgrade: " + session.describe() + " is at " + describe(before, graph) + ".");
                    return new RunResult(List.of(), before, before);
                }
                session.prepareForWrites();
                log.info("Downgrading " + session.describe() + " from "
                        + describe(before, graph) + ": " + plural(plan.size(), "revision") + " to undo"
                        + (config.singleTransaction() ? " in one transaction" : ""));
                return walk(catalog, session, lock, plan, before, false);
            }
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /**
     * Runs the plan one revision at a time, moving the recorded heads after each; commits after
     * each, or once at the end in single-transaction mode (non-transactional revisions still
     * commit on their own, as they must). The commits do not wait for their flush to disk; the
     * {@link DeferredFlush} waits for all of them before the run reports.
     */
    private RunResult walk(RevisionCatalog catalog, DatabaseSession session, AdvisoryLock lock,
                           List<RevisionNode> plan, Set<String> before, boolean up) throws SQLException {
        RevisionGraph graph = catalog.graph();
        List<AppliedRevision> done = new ArrayList<>();
        SlowRevisionWatch watch = new SlowRevisionWatch(log);
        // revisions run but not yet committed, oldest first: the database is at work on the
        // oldest (later ones wait behind it in the batch), so that is the one the watch names
        Deque<LoadedRevision> underWay = new ArrayDeque<>();
        RevisionRunner runner = new RevisionRunner(session.connection(), dialect, session.versionTable(), appliedBy(),
                log, times, config.spelling(), applied -> {
                    watch.finished(applied.id());
                    log.info((up ? "  applied  " : "  undone   ") + applied.id() + "  " + applied.message() + "  ("
                            + millis(applied.duration()) + ")");
                    done.add(applied);
                    underWay.removeIf(revision -> revision.id().equals(applied.id()));
                    LoadedRevision oldest = underWay.peekFirst();
                    if (oldest != null) {
                        watch.watch(oldest.id(), oldest.message());
                    }
                });
        Set<String> current = new TreeSet<>(before);
        long start = System.nanoTime();
        boolean eachOnItsOwn = !config.singleTransaction();
        try (watch; DeferredFlush flush = DeferredFlush.begin(session.connection(), session.versionTable())) {
            for (RevisionNode node : plan) {
                verifyLock(lock, runner);
                LoadedRevision revision = catalog.revision(node);
                if (underWay.isEmpty()) {
                    watch.watch(revision.id(), revision.message());
                }
                underWay.addLast(revision);
                Set<String> next = up ? graph.headsAfterUpgrade(current, node.id())
                        : graph.headsAfterDowngrade(current, node.id());
                if (up) {
                    runner.upgrade(revision, current, next, eachOnItsOwn);
                } else {
                    runner.downgrade(revision, current, next, eachOnItsOwn);
                }
                current = new TreeSet<>(next);
            }
            verifyLock(lock, runner);
            runner.commit();
            times.time("version table", flush::complete);
        }
        log.info("Database is at " + describe(current, graph) + "; " + plural(done.size(), "revision")
                + (up ? " applied in " : " undone in ") + seconds(Duration.ofNanos(System.nanoTime() - start))
                + (config.singleTransaction() ? " (one transaction)." : "."));
        return new RunResult(done, before, current);
    }

    /**
     * Stops the run when its lock is gone, before the next revision: what already ran commits
     * first, as it would have had each revision been sent on its own.
     */
    private void verifyLock(AdvisoryLock lock, RevisionRunner runner) {
        try {
            times.time("lock", lock::verifyHeld);
        } catch (MigrationException lost) {
            runner.stopBeforeNext();
            throw lost;
        }
    }

    private EditedRevisions edited(RevisionCatalog catalog, RecordedPosition recorded, Set<String> heads) {
        return EditedRevisions.find(catalog, heads, recorded.checksums(), config.acceptChanged(),
                config.spelling());
    }

    /** The accepted edits become the recorded checksums, so later runs no longer stop on them. */
    private void recordAccepted(DatabaseSession session, RevisionGraph graph, EditedRevisions edited)
            throws SQLException {
        if (edited.accepted().isEmpty()) {
            return;
        }
        session.connection().setAutoCommit(false);
        String who = appliedBy();
        List<LogEntry> accepts = edited.accepted().stream().map(revision -> new LogEntry(revision.id(),
                LogEntry.Action.ACCEPT, graph.get(revision.id()).message(), revision.checksum(), null, who)).toList();
        session.versionTable().move(Set.of(), Set.of(), accepts).execute(session.connection());
        session.connection().commit();
        edited.acceptedWarnings().forEach(log::warn);
    }


    /** Records the database as being at {@code revision} without running anything. */
    public RunResult stamp(String revision, boolean purge) {
        try (PendingSession pending = PendingSession.open(config, dialect, log);
             RevisionCatalog catalog = catalog()) {
            RevisionGraph graph = catalog.graph();
            Set<String> target = graph.stampHeads(revision);
            DatabaseSession session = pending.get();
            // read once before the lock so that an unknown recorded revision fails without writing
            stampedFrom(session, graph, purge);
            try (AdvisoryLock lock = session.lock(log)) {
                session.prepareForWrites();
                Set<String> before = stampedFrom(session, graph, purge);
                Set<String> after = new TreeSet<>(purge ? target : graph.stampedPosition(before, target));
                // a revision stamped where it already ran keeps its checksum, and so its edit check
                Map<String, String> checksums = session.position().checksums();
                session.connection().setAutoCommit(false);
                String who = appliedBy();
                List<LogEntry> stamps = new ArrayList<>();
                for (String id : after) {
                    stamps.add(new LogEntry(id, LogEntry.Action.STAMP, graph.get(id).message(), checksums.get(id),
                            null, who));
                }
                if (after.isEmpty()) {
                    // keeps the audit trail complete: the log says who emptied the position
                    stamps.add(new LogEntry("base", LogEntry.Action.STAMP, "stamped at base", null, null, who));
                }
                // read under the lock, before is every recorded head (with purge, unknown ones too)
                session.versionTable().move(before, after, stamps).execute(session.connection());
                session.connection().commit();
                log.info("Stamped " + session.describe() + " at "
                        + describe(after, graph) + " (was " + (before.isEmpty() ? "base" : String.join(", ", before))
                        + "); no migration was run.");
                return new RunResult(List.of(), before, after);
            }
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /** The position a stamp replaces; with purge it may name revisions no file has. */
    private Set<String> stampedFrom(DatabaseSession session, RevisionGraph graph, boolean purge) throws SQLException {
        return purge ? session.versionTable().currentHeads(session.connection()) : knownHeads(session, graph);
    }

    /** The database's current revisions, each marked {@code (head)} when it is one. */
    public Status current(boolean verbose) {
        try (PendingSession opening = PendingSession.open(config, dialect, log);
                 RevisionCatalog catalog = catalog()) {
            RevisionGraph graph = catalog.graph();
            DatabaseSession session = opening.get();
            log.info("Database: " + session.describe());
            Set<String> heads = knownHeads(session, graph);
            Map<String, AppliedRecord> applied = session.versionTable().lastUpgrades(session.connection());
            Map<String, String> checksums = new HashMap<>();
            applied.forEach((id, record) -> checksums.put(id, record.checksum()));
            EditedRevisions edited = EditedRevisions.find(catalog, heads, checksums, config.acceptChanged(),
                    config.spelling());
            List<RevisionNode> pendingRevisions = graph.pending(heads);
            int pending = pendingRevisions.size();
            if (heads.isEmpty()) {
                log.info("base (no revision applied)" + (pending > 0 ? "; " + plural(pending, "revision") + " pending" : ""));
            }
            for (String id : heads) {
                RevisionNode node = graph.get(id);
                StringBuilder line = new StringBuilder(id);
                if (graph.isHead(id)) {
                    line.append(" (head)");
                }
                line.append(", ").append(node.message());
                if (verbose) {
                    AppliedRecord record = applied.get(id);
                    if (record != null) {
                        line.append(" [").append(record.action().pastTense()).append(' ')
                                .append(record.appliedAt()).append(" by ").append(record.appliedBy()).append(']');
                    }
                }
                log.info(line.toString());
            }
            if (!heads.isEmpty() && pending > 0) {
                // with several heads, a plain upgrade (to head) would refuse
                log.info(plural(pending, "revision") + " pending (" + MigrationStatus.named(pendingRevisions) + "); run "
                        + (graph.heads().size() > 1 ? config.spelling().command("upgrade", "target", "heads")
                        + " (history has " + graph.heads().size() + " heads; or merge them first)"
                        : config.spelling().command("upgrade")));
            }
            edited.acceptedWarnings().forEach(log::warn);
            edited.requireAccepted();
            return new Status(heads, pending, edited.accepted().stream().map(EditedRevisions.Edited::id).toList());
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /**
     * The revisions the database is at, after checking that the migrations directory has
     * them all; and the catalog they were checked against.
     */
    public Position position() {
        try (PendingSession pending = PendingSession.open(config, dialect, log)) {
            RevisionCatalog catalog = catalog();
            DatabaseSession session = pending.get();
            return new Position(catalog, knownHeads(session, catalog.graph()), session.describe());
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /**
     * As {@link #position()}, and fails when an applied revision was edited and not accepted: a
     * gate must not pass a history that fresh databases would replay differently. With the
     * position, the revisions pending, each one's {@code upgrade()} recorded as operations, and
     * the sizes of the live tables they act on: what check lints.
     */
    public PendingUpgrades pendingUpgrades() {
        try (PendingSession pending = PendingSession.openReadingPosition(config, dialect, log)) {
            RevisionCatalog catalog = catalog();
            RevisionGraph graph = catalog.graph();
            DatabaseSession session = pending.get();
            RecordedPosition recorded = session.position();
            Set<String> heads = knownHeads(session, graph, recorded.heads());
            EditedRevisions edited = edited(catalog, recorded, heads);
            edited.acceptedWarnings().forEach(log::warn);
            edited.requireAccepted();
            List<RecordedUpgrade> upgrades = graph.pending(heads).stream()
                    .map(node -> RecordedUpgrade.of(catalog.revision(node))).toList();
            return new PendingUpgrades(new Position(catalog, heads, session.describe()), upgrades,
                    upgrades.isEmpty() ? TableFacts.NONE : TableSizes.read(session.connection(), session.schema()));
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /** Where the database stands, the upgrades it lacks, and the sizes of its tables (none when it lacks none). */
    public record PendingUpgrades(Position position, List<RecordedUpgrade> upgrades, TableFacts tables) {
    }

    /** Every revision's {@code upgrade()} recorded as operations, in the order an upgrade applies them; reads no database. */
    public List<RecordedUpgrade> recordedUpgrades() {
        try (RevisionCatalog catalog = catalog()) {
            return catalog.graph().topologicalOrder().stream()
                    .map(node -> RecordedUpgrade.of(catalog.revision(node))).toList();
        }
    }

    /**
     * Where a database stands in the revision graph; {@code database} names it for the output
     * ({@code <url> (schema public)}).
     */
    public record Position(RevisionCatalog catalog, Set<String> heads, String database) implements AutoCloseable {

        /** Closes the catalog: its caller owns it. */
        @Override
        public void close() {
            catalog.close();
        }

        public RevisionGraph graph() {
            return catalog.graph();
        }

        public boolean isAtHead() {
            return heads.equals(graph().heads().stream().map(RevisionNode::id).collect(Collectors.toSet()));
        }

        public String describe() {
            return Migrations.describe(heads, graph());
        }
    }

    /** The current database position, with the pending count and the edited revisions accepted. */
    public record Status(Set<String> heads, int pending, List<String> acceptedEdits) {
    }

    /**
     * Where the database stands against the known revisions: pending, unknown and edited ones.
     * Reads only; takes no lock, and says who holds it when a run does.
     */
    public MigrationStatus status() {
        return readStatus().status();
    }

    /**
     * As {@link #status()}, and lists the revisions newest first, each marked {@code [X]} when
     * the database has it applied and {@code [ ]} when not, in {@code history}'s shape; edited
     * ones flagged. {@code limit} keeps the newest that many (0: all).
     */
    public MigrationStatus statusList(int limit) {
        StatusRead read = readStatus();
        MigrationStatus status = read.status();
        RevisionGraph graph = read.graph();
        log.info("Database: " + status.database());
        Set<String> applied = graph.applied(status.current().stream().filter(graph::contains).toList());
        Set<String> edited = status.edited().stream().map(MigrationStatus.Edited::id).collect(Collectors.toSet());
        List<RevisionNode> entries = graph.history();
        if (entries.isEmpty()) {
            log.info("No revisions yet; create one with " + config.spelling().command("revision", "message", "..."));
        }
        List<RevisionNode> shown = newest(entries, limit);
        for (RevisionNode node : shown) {
            log.info((applied.contains(node.id()) ? "[X] " : "[ ] ")
                    + HistoryLine.of(graph, node, status.current(), false)
                    + (edited.contains(node.id()) ? "  (edited after it was applied)" : ""));
        }
        notShown(entries, shown);
        log.info(status.summary());
        return status;
    }

    /** A status and the graph it was read against. */
    private record StatusRead(MigrationStatus status, RevisionGraph graph) {
    }

    private StatusRead readStatus() {
        try (PendingSession pending = PendingSession.openReadingPosition(config, dialect, log);
                 RevisionCatalog catalog = catalog()) {
            RevisionGraph graph = catalog.graph();
            DatabaseSession session = pending.get();
            RecordedPosition recorded = session.position();
            List<String> unknown = recorded.heads().stream().filter(id -> !graph.contains(id)).sorted().toList();
            Set<String> heads = new TreeSet<>(recorded.heads());
            heads.removeAll(unknown);
            List<MigrationStatus.Edited> edited = edited(catalog, recorded, heads).refused().stream()
                    .map(e -> new MigrationStatus.Edited(e.id(), e.file())).toList();
            // a database some other release moved past the known revisions is not behind them
            List<RevisionNode> behind = unknown.isEmpty() ? graph.pending(heads) : List.of();
            Optional<String> holder = AdvisoryLock.holder(session.connection(), session.lockScope());
            return new StatusRead(new MigrationStatus(session.describe(), recorded.heads(), behind, unknown, edited,
                    holder), graph);
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    /** A script written: its file, how many revisions it holds, and the move it makes. */
    public record Script(Path file, int revisions, String from, String to) {
    }

    /**
     * Writes the SQL an upgrade ({@code up}) or a downgrade to {@code target} would run, version
     * table included, to {@code file} instead of running it. A range {@code from:to} needs no
     * database; a plain target starts where the database is, read without the lock.
     */
    public Script sql(String target, boolean up, Path file) {
        try (RevisionCatalog catalog = catalog()) {
            RevisionGraph graph = catalog.graph();
            int colon = target.indexOf(':');
            Set<String> from;
            String to;
            String database;
            if (colon >= 0) {
                from = graph.stampHeads(target.substring(0, colon).strip());
                to = target.substring(colon + 1).strip();
                database = null;
            } else {
                try (PendingSession pending = PendingSession.open(config, dialect, log)) {
                    DatabaseSession session = pending.get();
                    from = knownHeads(session, graph);
                    database = session.describe();
                } catch (SQLException e) {
                    throw databaseError(e);
                }
                to = target;
            }
            List<RevisionNode> plan = up ? graph.upgradePlan(from, to) : graph.downgradePlan(from, to);
            List<String> header = new ArrayList<>(List.of((up ? "Upgrade" : "Downgrade") + " from "
                    + describe(from, graph) + ", " + plural(plan.size(), "revision") + ", written by migrations-maven-plugin"
                    + (database == null ? "" : " for " + database) + "; nothing of it was run.",
                    "Run it with: psql -v ON_ERROR_STOP=1 -f <this file>"));
            SqlScript script = new SqlScript(dialect, new VersionTable(dialect, config.schema(), config.versionTable()),
                    header, config.schema(), "sql script by " + appliedBy());
            Set<String> current = new TreeSet<>(from);
            for (RevisionNode node : plan) {
                Set<String> next = up ? graph.headsAfterUpgrade(current, node.id())
                        : graph.headsAfterDowngrade(current, node.id());
                script.add(catalog.revision(node), up, current, next);
                current = new TreeSet<>(next);
            }
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(file, script.text(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MigrationException("Cannot write the SQL script " + file + ": " + e.getMessage() + ".", e);
            }
            String fromText = describe(from, graph);
            String toText = describe(current, graph);
            log.info("Wrote the SQL of " + plural(plan.size(), "revision") + " (" + (up ? "upgrade" : "downgrade")
                    + " from " + fromText + " to " + toText + ") to " + file + "; nothing was run.");
            return new Script(file, plan.size(), fromText, toText);
        }
    }

    /**
     * Compiles the revisions and puts their classes and their index into {@code outputDirectory}
     * (the project's classes), so that the application's jar ships them.
     */
    public ShippedIndex.Written ship(Path outputDirectory) {
        try (RevisionCatalog catalog = catalog()) {
            Await.result(catalog.compileAhead(), "compiling the migrations");
            return ShippedIndex.write(catalog.revisions(), config.migrationsPackage(), config.classesDirectory(),
                    outputDirectory);
        }
    }

    /** The head revisions of the graph; reads no database. */
    public List<RevisionNode> heads(boolean verbose) {
        try (RevisionCatalog catalog = catalog()) {
            RevisionGraph graph = catalog.graph();
            List<RevisionNode> heads = graph.heads();
            if (heads.isEmpty()) {
                log.info("No revisions yet; create one with " + config.spelling().command("revision", "message", "..."));
            }
            for (RevisionNode head : heads) {
                log.info(HistoryLine.of(graph, head, Set.of(), verbose));
            }
            return heads;
        }
    }

    /** Revisions newest first, with parents, branch and merge points, the current ones marked. */
    public List<RevisionNode> history(String range, boolean verbose) {
        return history(range, verbose, 0);
    }

    /** As {@link #history(String, boolean)}, the newest {@code limit} only (0: all). */
    public List<RevisionNode> history(String range, boolean verbose, int limit) {
        try (PendingSession pending = PendingSession.open(config, dialect, log);
             RevisionCatalog catalog = catalog()) {
            return history(pending, catalog, range, verbose, limit);
        } catch (SQLException e) {
            throw databaseError(e);
        }
    }

    private List<RevisionNode> history(PendingSession pending, RevisionCatalog catalog, String range, boolean verbose,
                                       int limit) throws SQLException {
        RevisionGraph graph = catalog.graph();
        List<RevisionNode> entries = range == null || range.isBlank() ? graph.history() : graph.history(range);
        DatabaseSession session = pending.get();
        log.info("Database: " + session.describe());
        Set<String> current = session.versionTable().currentHeads(session.connection());
        if (entries.isEmpty()) {
            log.info("No revisions yet; create one with " + config.spelling().command("revision", "message", "..."));
        }
        List<RevisionNode> shown = newest(entries, limit);
        for (RevisionNode node : shown) {
            log.info(HistoryLine.of(graph, node, current, verbose));
            if (verbose) {
                LoadedRevision revision = catalog.revision(node);
                log.info("    file: " + revision.source().path().getFileName()
                        + (revision.created().isEmpty() ? "" : ", created " + revision.created()));
            }
        }
        notShown(entries, shown);
        return shown;
    }

    /** The first {@code limit} of a newest-first list (0: all of it). */
    private static List<RevisionNode> newest(List<RevisionNode> entries, int limit) {
        if (limit < 0) {
            throw new MigrationException("limit is " + limit + "; give how many of the newest revisions to show,"
                    + " 1 or more (0 for all).");
        }
        return limit > 0 && entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    private void notShown(List<RevisionNode> entries, List<RevisionNode> shown) {
        if (shown.size() < entries.size()) {
            log.info("... " + plural(entries.size() - shown.size(), "older revision") + " not shown");
        }
    }

    private Set<String> knownHeads(DatabaseSession session, RevisionGraph graph) throws SQLException {
        return knownHeads(session, graph, session.versionTable().currentHeads(session.connection()));
    }

    /** The recorded heads, after checking that every one of them has its migration file. */
    private Set<String> knownHeads(DatabaseSession session, RevisionGraph graph, Set<String> heads) {
        for (String head : heads) {
            if (!graph.contains(head)) {
                throw new MigrationException("Can't locate revision " + head + ": the database "
                        + session.versionTable().displayName() + " is at it, but no migration "
                        + config.revisions().where() + " has that id; restore the missing migration file, "
                        + "or run " + config.spelling().command("stamp", "revision", "<id>", "purge", "true")
                        + " to re-stamp the database.");
            }
        }
        return new TreeSet<>(heads);
    }

    private static String appliedBy() {
        String user = System.getProperty("user.name", "unknown");
        try {
            return user + "@" + InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return user;
        }
    }

    private static String describe(Set<String> heads, RevisionGraph graph) {
        if (heads.isEmpty()) {
            return "base";
        }
        List<String> parts = new ArrayList<>();
        for (String id : heads) {
            parts.add(graph.contains(id) && graph.isHead(id) ? id + " (head)" : id);
        }
        return String.join(", ", parts);
    }

    /** A failure outside any revision: reading or writing the version table, mostly. */
    private MigrationException databaseError(SQLException e) {
        String hint = switch (String.valueOf(e.getSQLState())) {
            case "42501" -> "; connect as a user with the rights the run needs (CREATE on the schema for the"
                    + " version table on a first run), or grant them";
            case "42703", "42P01" -> "; if the table " + config.versionTable() + " belongs to another tool, set "
                    + config.spelling().setting("versionTable") + " to a name of this plugin's own";
            default -> "";
        };
        return new MigrationException("Database error: " + e.getMessage().lines().findFirst().orElse("")
                + " [SQLSTATE " + e.getSQLState() + "]" + hint, e);
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }
}
