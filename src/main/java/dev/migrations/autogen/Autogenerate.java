package dev.migrations.autogen;

import dev.migrations.api.operation.Operation;
import dev.migrations.autogen.diff.SchemaDiffer;
import dev.migrations.autogen.model.EntityModel;
import dev.migrations.autogen.model.EntityModelSource;
import dev.migrations.autogen.model.HibernateModel;
import dev.migrations.autogen.model.ModelSchema;
import dev.migrations.autogen.schema.SchemaReader;
import dev.migrations.autogen.schema.SchemaSnapshot;
import dev.migrations.autogen.schema.ObjectFilter;
import dev.migrations.autogen.writer.OperationCode;
import dev.migrations.engine.internal.Await;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import dev.migrations.engine.internal.PhaseTimes;
import dev.migrations.engine.db.ConnectionSettings;
import dev.migrations.engine.db.Database;
import dev.migrations.engine.db.EmbeddedPostgresServer;
import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.engine.graph.RevisionGraph;
import dev.migrations.engine.source.RevisionCatalog;
import dev.migrations.script.MethodBody;
import dev.migrations.script.RevisionScripts;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compares the entity model with the schema at head and writes the difference as a revision.
 *
 * <p>Both sides are read by one reader from PostgreSQL's catalog: the live schema, and the
 * model's schema as PostgreSQL stores it after running Hibernate's own DDL in a scratch
 * database (the embedded server's). Comparing two catalogs that the same database normalized
 * is what keeps the differ free of false changes (types spelled two ways, defaults printed two
 * ways, constraints named by different tools).
 */
public final class Autogenerate {

    private static final String SCRATCH_DATABASE = "migrations_scratch";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MigrationsConfig config;
    private final EntityModelSource source;
    private final ClassLoader projectLoader;
    private final boolean throwawayDatabase;
    private final EngineLog log;
    private final PostgresDialect dialect = new PostgresDialect();
    private final PhaseTimes times = new PhaseTimes();

    /**
     * @param throwawayDatabase compare with a fresh embedded database upgraded to head rather
     *                          than the configured one (always so when none is configured)
     */
    public Autogenerate(MigrationsConfig config, EntityModelSource source, ClassLoader projectLoader,
                        boolean throwawayDatabase, EngineLog log) {
        this.config = config;
        this.source = source;
        this.projectLoader = projectLoader;
        this.throwawayDatabase = throwawayDatabase || config.usesEmbeddedDatabase();
        this.log = log;
    }

    /** What the model and the schema at head differ in, as the operations that close the gap. */
    public record Comparison(List<Operation> operations, EntityModel model, String comparedWith,
                             RevisionGraph revisions) {
        public boolean hasChanges() {
            return !operations.isEmpty();
        }

        /** A line per difference, with what changes in place: what revision and check list. */
        public List<String> changeLines() {
            return operations.stream().map(ChangeLine::of).toList();
        }

        /** The operations that undo {@link #operations()}, in the order that undoes them. */
        public List<Operation> reversed() {
            List<Operation> reversed = new ArrayList<>(operations.size());
            for (Operation operation : operations) {
                reversed.add(operation.reverse());
            }
            Collections.reverse(reversed);
            return reversed;
        }
    }

    /** Compares the entity model with the database; reports the time of each phase at -Dverbose. */
    public Comparison compare() {
        try {
            return compareTimed();
        } finally {
            times.report(log, config.verbose());
        }
    }

    private Comparison compareTimed() {
        // Hibernate's metadata is the biggest single cost and needs only the server version: it is
        // built on a second thread from the moment that version is known, and the embedded server
        // starts on a third, while this one checks the position and reads the live schema.
        ExecutorService background = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "migrations-autogenerate");
            thread.setDaemon(true);
            thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            return thread;
        });
        Future<EmbeddedPostgresServer> starting = null;
        try {
            Future<EntityModel> model;
            LiveSide live;
            EmbeddedPostgresServer server;
            if (throwawayDatabase) {
                server = startServer();
                try {
                    model = buildModel(background, versionOf(server));
                    live = readThrowaway(server);
                } catch (SQLException | RuntimeException e) {
                    try {
                        server.close();
                    } catch (RuntimeException notStopped) {
                        e.addSuppressed(notStopped);
                    }
                    throw e;
                }
            } else {
                try (Connection connection = times.time("connect", () -> new Database(config.connection(), config.spelling()).connect())) {
                    model = buildModel(background, versionOf(connection));
                    // Before the server starts: a database behind head is the user's to fix first.
                    Migrations.Position position = times.time("position", () -> new Migrations(config, log).position());
                    LiveSide unversioned = null;
                    if (position.heads().isEmpty()) {
                        unversioned = readConfigured(connection, position.catalog());
                        requireVersioned(unversioned, position);
                    }
                    if (!position.isAtHead()) {
                        throw new MigrationException("The database is at " + position.describe() + ", not at head; "
                                + "run mvn migrations:upgrade first, or compare with a throwaway database upgraded to "
                                + "head with -DdevDatabase=embedded.");
                    }
                    starting = background.submit(this::startServer);
                    live = unversioned != null ? unversioned : readConfigured(connection, position.catalog());
                }
                server = Await.result(starting, "starting the embedded PostgreSQL");
                starting = null;
            }
            try (server; RevisionCatalog revisions = live.catalog()) {
                Map<String, Set<String>> writtenChecks = times.time("revisions", () -> writtenChecks(live));
                ConnectionSettings scratchDatabase = ThrowawayDatabases.on(server).create(SCRATCH_DATABASE, true);
                long waiting = System.nanoTime();
                EntityModel entities = await(model);
                times.add("waiting for the model", System.nanoTime() - waiting);
                long begin = System.nanoTime();
                ModelSchema.Sides sides;
                try (Connection scratch = new Database(scratchDatabase).connect()) {
                    Optional<String> tablespace = RamTablespace.prepare(scratch, server.dataDirectory(), log);
                    sides = ModelSchema.read(scratch, tablespace, entities, dialect, live.snapshot(), writtenChecks);
                }
                times.add("model schema", System.nanoTime() - begin);
                ObjectFilter excluded = source.excludedObjects();
                List<Operation> operations = times.time("diff", () -> SchemaDiffer.diff(
                        excluded.apply(sides.live()), excluded.apply(sides.model()), sides.checks()));
                return new Comparison(operations, entities, live.comparedWith(), live.catalog().graph());
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot compare the entity model with the database: " + e.getMessage(), e);
        } finally {
            // first the server, whose start must not be interrupted half-way: it would outlive the build
            if (starting != null) {
                stopOnceStarted(starting);
            }
            background.shutdownNow();
        }
    }

    private EmbeddedPostgresServer startServer() {
        return times.time("embedded server",
                () -> EmbeddedPostgresServer.start(config.embeddedDataDirectory(), log, config.spelling()));
    }

    /** A server started for a comparison that failed before it was used is stopped all the same. */
    private static void stopOnceStarted(Future<EmbeddedPostgresServer> starting) {
        try {
            starting.get().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            // it did not start, or cannot stop: the comparison's own failure is the one to report
        }
    }

    /** The schema compared with, read before anything else needs it, and the revisions that made it. */
    private record LiveSide(SchemaSnapshot snapshot, String comparedWith, RevisionCatalog catalog) {
    }

    /**
     * The check constraints' sources as the revisions wrote them: each revision's upgrade() is
     * replayed (its class loaded and run against a recorder), which with a long history is the
     * cost of loading every revision class. Only checks in the live schema need it.
     */
    private static Map<String, Set<String>> writtenChecks(LiveSide live) {
        boolean anyCheck = live.snapshot().tables().values().stream().anyMatch(table -> !table.checks().isEmpty());
        return anyCheck ? WrittenChecks.of(live.catalog()) : Map.of();
    }

    private LiveSide readConfigured(Connection connection, RevisionCatalog catalog) throws SQLException {
        long begin = System.nanoTime();
        try {
            String schema = LiveSchema.schemaOf(connection, config);
            return new LiveSide(LiveSchema.read(connection, schema, config, dialect),
                    config.connection().displayUrl() + " (schema " + schema + ")", catalog);
        } finally {
            times.add("live read", System.nanoTime() - begin);
        }
    }

    /**
     * A database with no revision recorded must also hold none of the model's kind of objects: one
     * that does was made before the migrations (by the application's Hibernate, by hand), and a
     * revision written against it would hold only what it lacks, which no fresh database could be
     * built from. Its baseline is written against an empty database, and the database stamped.
     */
    private void requireVersioned(LiveSide live, Migrations.Position position) {
        Set<String> tables = source.excludedObjects().apply(live.snapshot()).tables().keySet();
        if (tables.isEmpty()) {
            return;
        }
        String held = tables.size() + " table(s) (" + tables.stream().sorted().limit(3)
                .reduce((a, b) -> a + ", " + b).orElse("") + (tables.size() > 3 ? ", ..." : "") + ")";
        String next = position.graph().isEmpty()
                ? "write the baseline revision against an empty database with -DdevDatabase=embedded, then stamp this "
                + "database at head (migrations:stamp -Drevision=head)"
                : "stamp it at the revision its schema matches (migrations:stamp -Drevision=<id>), then upgrade";
        throw new MigrationException(live.comparedWith() + " holds " + held + " but no revision is recorded in it: "
                + "it predates the migrations. To adopt it, " + next + "; see docs/adopting.md.");
    }

    private LiveSide readThrowaway(EmbeddedPostgresServer server) throws SQLException {
        String name = "migrations_dev_" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
        ThrowawayDatabases databases = ThrowawayDatabases.on(server);
        ConnectionSettings throwaway = databases.create(name, false);
        try {
            Migrations migrations = new Migrations(config.withConnection(throwaway), ThrowawayDatabases.quiet(log));
            RevisionCatalog catalog = migrations.catalog();
            times.time("throwaway upgrade", () -> {
                if (!catalog.graph().isEmpty()) {
                    migrations.upgrade("heads");
                }
            });
            long begin = System.nanoTime();
            try (Connection connection = new Database(throwaway).connect()) {
                String schema = LiveSchema.schemaOf(connection, config);
                SchemaSnapshot snapshot = LiveSchema.read(connection, schema, config, dialect);
                times.add("live read", System.nanoTime() - begin);
                return new LiveSide(snapshot, "a throwaway embedded database upgraded to head", catalog);
            }
        } finally {
            databases.drop(name);
        }
    }

    private Future<EntityModel> buildModel(ExecutorService background, int[] serverVersion) {
        return background.submit(() -> times.time("model build",
                () -> HibernateModel.build(source, projectLoader, serverVersion[0], serverVersion[1])));
    }

    /** The model, or the failure that building it met, as if it had been built on this thread. */
    private static EntityModel await(Future<EntityModel> model) {
        return Await.result(model, "building the entity model");
    }

    /** Writes a revision with the differences; nothing when there are none. */
    public Optional<Path> revision(String message, String head, String revisionId, Clock clock) {
        try {
            return revisionTimed(message, head, revisionId, clock);
        } finally {
            times.report(log, config.verbose());
        }
    }

    private Optional<Path> revisionTimed(String message, String head, String revisionId, Clock clock) {
        RevisionScripts.requireMessage(message);
        Comparison comparison = compareTimed();
        if (!comparison.hasChanges()) {
            log.info("No changes detected: the entity model (" + comparison.model().entityCount()
                    + " entities) matches " + comparison.comparedWith() + ".");
            return Optional.empty();
        }
        for (String line : comparison.changeLines()) {
            log.info("  " + line);
        }
        return Optional.of(times.time("write", () -> {
            OperationCode code = new OperationCode(comparison.model().tableOrigins(),
                    comparison.model().columnOrigins());
            MethodBody upgrade = code.body(comparison.operations());
            MethodBody downgrade = code.body(comparison.reversed());
            return new RevisionScripts(config, log, clock).create(comparison.revisions(), message, head, revisionId,
                    upgrade, downgrade);
        }));
    }


    /** The server's major and minor version, as Hibernate's dialect wants them: the handshake gave them. */
    private static int[] versionOf(Connection connection) throws SQLException {
        return new int[] {connection.getMetaData().getDatabaseMajorVersion(),
                connection.getMetaData().getDatabaseMinorVersion()};
    }

    private static int[] versionOf(EmbeddedPostgresServer server) throws SQLException {
        try (Connection connection = new Database(server.connectionSettings()).connect()) {
            return versionOf(connection);
        }
    }
}
