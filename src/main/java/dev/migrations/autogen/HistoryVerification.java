package dev.migrations.autogen;

import dev.migrations.autogen.diff.SchemaDiffer;
import dev.migrations.autogen.schema.SchemaSnapshot;
import dev.migrations.api.operation.Operation;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import dev.migrations.engine.RunResult;
import dev.migrations.engine.db.ConnectionSettings;
import dev.migrations.engine.db.Database;
import dev.migrations.engine.db.EmbeddedPostgresServer;
import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.engine.graph.RevisionGraph;
import dev.migrations.engine.graph.RevisionNode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The CI trio on throwaway databases: a fresh database upgraded to head;
 * the same database stamped at head again, where an upgrade must do nothing; and every revision
 * applied, undone and applied again on a second one, the schema compared after each undo with
 * the one before the revision ran, and at the end with the first database's.
 */
public final class HistoryVerification {

    /** What the verification did: revisions upgraded, and how many of them went up, down and up again. */
    public record Result(int revisions, int roundTrips, int skipped) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MigrationsConfig config;
    private final EngineLog log;
    private final PostgresDialect dialect = new PostgresDialect();

    public HistoryVerification(MigrationsConfig config, EngineLog log) {
        this.config = config;
        this.log = log;
    }

    /**
     * On the embedded server, or, when a database is configured, on its server beside it: the
     * throwaway databases are dropped afterwards, pass or fail, and the configured one is not touched.
     */
    public Result run() {
        if (config.connection() == null) {
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(config.embeddedDataDirectory(), log,
                    config.spelling())) {
                return run(ThrowawayDatabases.on(server));
            }
        }
        return run(ThrowawayDatabases.beside(config.connection()));
    }

    private Result run(ThrowawayDatabases databases) {
        log.info("Verifying the revisions on throwaway databases of " + databases.where());
        try {
            SchemaSnapshot atHead;
            int revisions;
            String fresh = name();
            try {
                ConnectionSettings settings = databases.create(fresh, false);
                Migrations migrations = on(settings);
                RevisionGraph graph = migrations.graph();
                revisions = graph.size();
                migrations.upgrade("heads");
                atHead = snapshot(settings);
                log.info("  fresh database upgraded to head: " + revisions + " revision(s) applied");
                migrations.stamp("heads", true);
                RunResult again = migrations.upgrade("heads");
                if (!again.revisions().isEmpty()) {
                    throw new MigrationException("A database stamped at head is not at head: upgrade applied "
                            + again.revisions().get(0).id() + " again; check its parents and depends-on.");
                }
                log.info("  stamped at head again: upgrade does nothing");
            } finally {
                databases.drop(fresh);
            }
            String second = name();
            try {
                return roundTrips(databases.create(second, false), atHead, revisions);
            } finally {
                databases.drop(second);
            }
        } catch (SQLException e) {
            throw new MigrationException(databases.failed(e), e);
        }
    }

    /**
     * Each revision, in the order an upgrade applies them: up, down (the schema must be the one
     * before it), up again. A revision applied beside another branch's head is only applied: one
     * step down from there could undo either, so it is counted as skipped.
     */
    private Result roundTrips(ConnectionSettings database, SchemaSnapshot atHead, int revisions)
            throws SQLException {
        Migrations migrations = on(database);
        RevisionGraph graph = migrations.graph();
        int roundTrips = 0;
        int skipped = 0;
        for (RevisionNode node : graph.topologicalOrder()) {
            SchemaSnapshot before = snapshot(database);
            RunResult up = migrations.upgrade(node.id());
            if (!up.after().equals(Set.of(node.id()))) {
                skipped++;
                continue;
            }
            migrations.downgrade("-1");
            List<Operation> left = SchemaDiffer.diff(snapshot(database), before);
            if (!left.isEmpty()) {
                throw new MigrationException("Revision " + node.id() + " (" + node.message() + "): its downgrade()"
                        + " does not restore the schema before it; after upgrade and downgrade, "
                        + ChangeLine.of(left.get(0)) + " would be needed to get it back"
                        + (left.size() > 1 ? " (and " + (left.size() - 1) + " more)" : "")
                        + "; make downgrade() undo exactly what upgrade() does.");
            }
            migrations.upgrade(node.id());
            roundTrips++;
        }
        List<Operation> differs = SchemaDiffer.diff(snapshot(database), atHead);
        if (!differs.isEmpty()) {
            throw new MigrationException("Upgrading again after undoing each revision gives another schema than a"
                    + " fresh upgrade: " + ChangeLine.of(differs.get(0)) + " would turn one into the other"
                    + "; a downgrade() leaves something its upgrade() does not expect.");
        }
        log.info("  up, down and up again: " + roundTrips + " revision(s) restore the schema exactly"
                + (skipped == 0 ? "" : "; " + skipped + " applied beside another branch's head, not undone alone"));
        return new Result(revisions, roundTrips, skipped);
    }

    private Migrations on(ConnectionSettings database) {
        return new Migrations(config.withConnection(database), ThrowawayDatabases.quiet(log));
    }

    private SchemaSnapshot snapshot(ConnectionSettings database) throws SQLException {
        try (Connection connection = new Database(database).connect()) {
            return LiveSchema.read(connection, LiveSchema.schemaOf(connection, config), config, dialect);
        }
    }

    private static String name() {
        return "migrations_verify_" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
    }
}
