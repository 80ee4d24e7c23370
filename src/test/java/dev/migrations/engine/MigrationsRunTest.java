package dev.migrations.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.engine.db.ConnectionSettings;
import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.engine.runner.AdvisoryLock;
import dev.migrations.engine.runner.DeferredFlush;
import dev.migrations.engine.source.RevisionCatalog;
import dev.migrations.engine.version.LogEntry;
import dev.migrations.engine.version.VersionTable;
import dev.migrations.testing.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrades through the engine's front door against a real PostgreSQL: what the version table
 * and its log hold after a run with a transaction per revision and after one transaction.
 */
class MigrationsRunTest {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    @RegisterExtension
    static final EmbeddedServer postgres = new EmbeddedServer();

    @TempDir
    Path project;

    private final String schema = "run " + SCHEMAS.incrementAndGet();

    private void revision(int number, String upgrade) throws IOException {
        revision(number, upgrade, "");
    }

    /** @param members more of the class body; {@code {class}} stands for the class's name */
    private void revision(int number, String upgrade, String members) throws IOException {
        Path dir = project.resolve("src/main/migrations/db/migrations");
        Files.createDirectories(dir);
        String id = String.format("r%011d", number);
        String parents = number == 1 ? "" : String.format(", parents = \"r%011d\"", number - 1);
        String name = String.format("R20260101_%04d_%s", number, id);
        Files.writeString(dir.resolve(name + ".java"), """
                package db.migrations;

                import static dev.migrations.api.Schema.*;
                import dev.migrations.api.*;

                @Revision(id = "%s"%s, message = "step %d")
                public class %s implements Migration {
                    public void upgrade(Operations op) { %s }
                    public void downgrade(Operations op) { op.dropTable("t%d"); }
                    %s
                }
                """.formatted(id, parents, number, name, upgrade, number, members.replace("{class}", name)));
    }

    private void threeRevisions(String third) throws IOException {
        revision(1, "op.createTable(\"t1\", column(\"id\", bigint()).primaryKey());");
        revision(2, "op.createTable(\"t2\", column(\"id\", bigint()).primaryKey());");
        revision(3, third);
    }

    private Migrations migrations(boolean singleTransaction) {
        return migrations(singleTransaction, EngineLog.SILENT);
    }

    /** With {@code log} at info level, and the time of each phase reported there. */
    private Migrations migrations(boolean singleTransaction, EngineLog log) {
        ConnectionSettings settings = new ConnectionSettings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
        return new Migrations(new MigrationsConfig(settings, project.resolve("src/main/migrations"), null,
                project.resolve("target/migrations"), schema, null, 10_000, Set.of(), singleTransaction,
                log != EngineLog.SILENT), log);
    }

    /** The info lines of a run. */
    private static final class InfoLines implements EngineLog {
        // the progress of a long revision is reported from a thread of its own
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private List<String> log() throws SQLException {
        return query("SELECT revision || ' ' || action || ' ' || (duration_ms IS NOT NULL) || ' ' || checksum "
                + "FROM \"" + schema + "\".migrations_version_log ORDER BY id");
    }

    private List<String> heads() throws SQLException {
        return query("SELECT version_num FROM \"" + schema + "\".migrations_version");
    }

    private List<String> tables() throws SQLException {
        return query("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "' AND tablename LIKE 't%' "
                + "ORDER BY 1");
    }

    /** The log rows the revisions should leave: id, action, a duration, the source's checksum. */
    private List<String> expectedLog() {
        return expectedLog(3);
    }

    private List<String> expectedLog(int revisions) {
        var catalog = migrations(false).catalog();
        List<String> rows = new ArrayList<>();
        for (int number = 1; number <= revisions; number++) {
            String id = String.format("r%011d", number);
            rows.add(id + " upgrade true " + catalog.revision(id).source().checksum());
        }
        return rows;
    }

    @Test
    void aTransactionPerRevisionLogsEachInOrderAndEndsAtTheHead() throws Exception {
        threeRevisions("op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");

        RunResult result = migrations(false).upgrade("head");

        assertThat(result.revisions()).hasSize(3);
        assertThat(heads()).containsExactly("r00000000003");
        assertThat(log()).containsExactlyElementsOf(expectedLog());
        assertThat(tables()).containsExactly("t1", "t2", "t3");
    }

    @Test
    void oneTransactionWritesTheSameLogInOneMoveAtTheEnd() throws Exception {
        threeRevisions("op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");

        RunResult result = migrations(true).upgrade("head");

        assertThat(result.revisions()).extracting(AppliedRevision::id)
                .containsExactly("r00000000001", "r00000000002", "r00000000003");
        assertThat(heads()).containsExactly("r00000000003");
        assertThat(log()).containsExactlyElementsOf(expectedLog());
        assertThat(tables()).containsExactly("t1", "t2", "t3");
    }

    @Test
    void inOneTransactionAFailureSentWithALaterRevisionNamesTheRevisionItCameFrom() throws Exception {
        // revision 2's statement waits in the batch; revision 3's raw SQL cannot wait and sends it
        revision(1, "op.createTable(\"t1\", column(\"id\", bigint()).primaryKey());");
        revision(2, "op.createIndex(\"ix_t1_missing\", \"t1\", \"missing\");");
        revision(3, "op.execute(\"CREATE TABLE t3 (id bigint)\");");

        assertThatThrownBy(() -> migrations(true).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Revision r00000000002 (step 2) failed in upgrade() at 'create index "
                        + "ix_t1_missing on t1'")
                .hasMessageContaining("column \"missing\" does not exist")
                .hasMessageContaining("together with the 1 revision(s) applied before it");

        assertThat(heads()).isEmpty();
        assertThat(log()).isEmpty();
        assertThat(tables()).isEmpty();
    }

    @Test
    void inOneTransactionTheLastRevisionsFailureIsFoundAtTheCommitAndNamed() throws Exception {
        threeRevisions("op.createIndex(\"ix_t2_missing\", \"t2\", \"missing\");");

        assertThatThrownBy(() -> migrations(true).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Revision r00000000003 (step 3) failed in upgrade() at 'create index "
                        + "ix_t2_missing on t2'")
                .hasMessageContaining("together with the 2 revision(s) applied before it");

        assertThat(heads()).isEmpty();
        assertThat(tables()).isEmpty();
    }

    @Test
    void anErrorThrownByAMigrationsCodeIsReportedInOneLineAndRolledBack() throws Exception {
        threeRevisions("op.createTable(\"t3\", column(\"id\", bigint()).primaryKey()); "
                + "if (true) { throw new AssertionError(\"assert boom\"); }");

        assertThatThrownBy(() -> migrations(false).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Revision r00000000003 (step 3) failed in upgrade(): "
                        + "java.lang.AssertionError: assert boom. Its changes were rolled back");

        assertThat(heads()).containsExactly("r00000000002");
        assertThat(tables()).containsExactly("t1", "t2");
    }

    @Test
    void aStaticInitializerThatThrowsIsNamedAsTheCause() throws Exception {
        revision(1, "op.createTable(\"t1\", column(\"id\", bigint()).primaryKey());",
                "static { if (true) { throw new IllegalStateException(\"static init boom\"); } }");

        assertThatThrownBy(() -> migrations(false).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Revision r00000000001 (step 1) failed in upgrade(): its static initializer"
                        + " threw java.lang.IllegalStateException: static init boom.");

        assertThat(heads()).isEmpty();
        assertThat(tables()).isEmpty();
    }

    @Test
    void aMigrationWithoutAPublicConstructorStopsTheRunBeforeAnythingIsWritten() throws Exception {
        revision(1, "op.createTable(\"t1\", column(\"id\", bigint()).primaryKey());", "private {class}() { }");

        assertThatThrownBy(() -> migrations(false).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Class db.migrations.R20260101_0001_r00000000001 in "
                        + "R20260101_0001_r00000000001.java cannot be created by the plugin; make it a public,"
                        + " non-abstract class with a public no-argument constructor.");

        assertThat(query("SELECT nspname FROM pg_namespace WHERE nspname = '" + schema + "'")).isEmpty();
    }

    @Test
    void aUserWithoutTheRightToCreateTheVersionTableIsToldWhatItLacks() throws Exception {
        threeRevisions("op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");
        String role = "reader_" + SCHEMAS.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN");
            statement.execute("CREATE SCHEMA \"" + schema + "\"");
            statement.execute("GRANT USAGE ON SCHEMA \"" + schema + "\" TO " + role);
        }
        ConnectionSettings settings = new ConnectionSettings(postgres.getJdbcUrl(role, "postgres"), role, null);
        Migrations asReader = new Migrations(new MigrationsConfig(settings, project.resolve("src/main/migrations"),
                null, project.resolve("target/migrations"), schema, null, 10_000), EngineLog.SILENT);

        assertThatThrownBy(() -> asReader.upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("permission denied for schema")
                .hasMessageContaining("connect as a user with the rights the run needs (CREATE on the schema");

        assertThat(tables()).isEmpty();
    }

    @Test
    void aVersionTableOfAnotherShapeIsNamedAsTheLikelyCause() throws Exception {
        threeRevisions("op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA \"" + schema + "\"");
            statement.execute("CREATE TABLE \"" + schema + "\".migrations_version (version varchar(32))");
        }

        assertThatThrownBy(() -> migrations(false).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("column \"version_num\" does not exist")
                .hasMessageContaining("if the table migrations_version belongs to another tool, set "
                        + "versionTable(...)");

        assertThat(tables()).isEmpty();
    }

    @Test
    void aFailureInOneTransactionRecordsNothing() throws Exception {
        threeRevisions("op.execute(\"SELECT * FROM no_such_table\");");

        assertThatThrownBy(() -> migrations(true).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("together with the 2 revision(s) applied before it");

        assertThat(heads()).isEmpty();
        assertThat(log()).isEmpty();
        assertThat(tables()).isEmpty();
    }

    @Test
    void aCachedRevisionThatNoLongerCompilesFailsTheRunBeforeItsFirstWrite() throws Exception {
        // revision 3 uses a class of the migrations' source root that is not itself a migration
        Path helper = project.resolve("src/main/migrations/db/Names.java");
        Files.createDirectories(helper.getParent());
        Files.writeString(helper,
                "package db;\npublic class Names { public static String third() { return \"t3\"; } }\n");
        threeRevisions("op.createTable(db.Names.third(), column(\"id\", bigint()).primaryKey());");
        migrations(false).catalog();   // compiled, and its metadata cached
        // the helper changes and the class is gone: the revision's own source, hence its cache entry, did not
        Files.writeString(helper, "package db;\npublic class Names { }\n");
        Files.delete(project.resolve("target/migrations/classes/db/migrations/R20260101_0003_r00000000003.class"));

        assertThatThrownBy(() -> migrations(false).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Migration does not compile: R20260101_0003_r00000000003.java:");

        assertThat(query("SELECT nspname FROM pg_namespace WHERE nspname = '" + schema + "'")).isEmpty();
    }

    @Test
    void aTransactionPerRevisionKeepsWhatSucceededBeforeAFailure() throws Exception {
        threeRevisions("op.execute(\"SELECT * FROM no_such_table\");");

        assertThatThrownBy(() -> migrations(false).upgrade("head")).isInstanceOf(MigrationException.class);

        assertThat(heads()).containsExactly("r00000000002");
        assertThat(log()).containsExactlyElementsOf(expectedLog().subList(0, 2));
        assertThat(tables()).containsExactly("t1", "t2");
    }

    @Test
    void revisionsSentInOneBatchEachCommitAndAFailureAmongThemKeepsThoseBeforeIt() throws Exception {
        // every statement here waits in the batch: the three transactions travel together
        threeRevisions("op.createIndex(\"ix_missing\", \"no_such_table\", \"id\");");
        List<String> applied = new ArrayList<>();
        EngineLog log = new EngineLog() {
            @Override
            public void info(String message) {
                if (message.startsWith("  applied")) {
                    applied.add(message.split("\\s+")[2]);
                }
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void debug(String message) {
            }
        };

        assertThatThrownBy(() -> migrations(false, log).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Revision r00000000003 (step 3) failed in upgrade() at 'create index "
                        + "ix_missing on no_such_table'")
                .hasMessageContaining("Its changes were rolled back;")
                .hasMessageNotContaining("together with");

        assertThat(applied).containsExactly("r00000000001", "r00000000002");
        assertThat(heads()).containsExactly("r00000000002");
        assertThat(log()).containsExactlyElementsOf(expectedLog().subList(0, 2));
        assertThat(tables()).containsExactly("t1", "t2");
    }

    @Test
    void aFailureInTheMiddleOfALongBatchLeavesTheDatabaseAtTheRevisionBeforeIt() throws Exception {
        for (int number = 1; number <= 40; number++) {
            revision(number, number == 27 ? "op.addColumn(\"t99\", column(\"x\", integer()));"
                    : "op.createTable(\"t" + number + "\", column(\"id\", bigint()).primaryKey()); "
                    + "op.createIndex(\"ix_t" + number + "\", \"t" + number + "\", \"id\");");
        }

        assertThatThrownBy(() -> migrations(false).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Revision r00000000027 (step 27) failed in upgrade() at 'add column x to t99'");

        assertThat(heads()).containsExactly("r00000000026");
        assertThat(log()).hasSize(26);
        assertThat(tables()).hasSize(26).doesNotContain("t28");
    }

    @Test
    void aRevisionWhoseCodeThrowsAfterEarlierOnesWaitInTheBatchCommitsThoseFirst() throws Exception {
        revision(1, "op.createTable(\"t1\", column(\"id\", bigint()).primaryKey());");
        revision(2, "op.createTable(\"t2\", column(\"id\", bigint()).primaryKey()); "
                + "if (true) { throw new IllegalStateException(\"code boom\"); }");

        assertThatThrownBy(() -> migrations(false).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Revision r00000000002 (step 2) failed in upgrade(): "
                        + "java.lang.IllegalStateException: code boom. Its changes were rolled back");

        assertThat(heads()).containsExactly("r00000000001");
        assertThat(tables()).containsExactly("t1");
    }

    @Test
    void aDeferredConstraintThatFailsAtItsCommitInABatchNamesItsRevision() throws Exception {
        revision(1, "op.execute(\"CREATE TABLE t1 (id bigint PRIMARY KEY, parent bigint REFERENCES t1 (id) "
                + "DEFERRABLE INITIALLY DEFERRED)\");");
        // the orphan row is legal until the commit, which travels in the batch with revision 3's statements
        revision(2, "op.execute(\"INSERT INTO t1 VALUES (1, 42)\"); "
                + "op.createTable(\"t2\", column(\"id\", bigint()).primaryKey());");
        revision(3, "op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");

        assertThatThrownBy(() -> migrations(false).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Revision r00000000002 (step 2) failed in upgrade()")
                .hasMessageContaining("foreign key");

        assertThat(heads()).containsExactly("r00000000001");
        assertThat(tables()).containsExactly("t1");
        assertThat(query("SELECT count(*) FROM \"" + schema + "\".t1")).containsExactly("0");
    }

    @Test
    void aRevisionWhoseHeadWentMissingMeanwhileIsRolledBackWithItsVersionChange() throws Exception {
        revision(1, "op.createTable(\"t1\", column(\"id\", bigint()).primaryKey());");
        // as if another run had moved the version table while this revision ran
        revision(2, "op.createTable(\"t2\", column(\"id\", bigint()).primaryKey()); "
                + "op.execute(\"UPDATE migrations_version SET version_num = 'elsewhere'\");");

        assertThatThrownBy(() -> migrations(false).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("no longer at r00000000001: another run moved");

        assertThat(heads()).containsExactly("r00000000001");
        assertThat(log()).containsExactlyElementsOf(expectedLog(1));
        assertThat(tables()).containsExactly("t1");
    }

    @Test
    void inOneTransactionAHeadThatWentMissingRollsBackEveryRevisionOfTheRun() throws Exception {
        revision(1, "op.createTable(\"t1\", column(\"id\", bigint()).primaryKey());");
        revision(2, "op.createTable(\"t2\", column(\"id\", bigint()).primaryKey()); "
                + "op.execute(\"UPDATE migrations_version SET version_num = 'elsewhere'\");");
        revision(3, "op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");
        migrations(false).upgrade("r00000000001");

        // the version change of the whole run is written once, at its end: the guard is there too
        assertThatThrownBy(() -> migrations(true).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("no longer at r00000000001: another run moved");

        assertThat(heads()).containsExactly("r00000000001");
        assertThat(log()).containsExactlyElementsOf(expectedLog(1));
        assertThat(tables()).containsExactly("t1");
    }

    @Test
    void aRunThatWaitedForTheLockStartsFromWhereTheOtherRunLeftTheDatabase() throws Exception {
        threeRevisions("op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");
        migrations(false).upgrade("r00000000001");
        List<String> expected = expectedLog();
        long key = AdvisoryLock.keyOf(schema + ".migrations_version");
        try (Connection other = postgres.getPostgresDatabase().getConnection();
             Statement statement = other.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + key + ")");
            ExecutorService run = Executors.newSingleThreadExecutor();
            try {
                // this run reads the position (r1) ahead, then waits for the lock
                Future<RunResult> waiting = run.submit(() -> migrations(false).upgrade("head"));
                while (query("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_try_advisory_lock%'")
                        .get(0).equals("0")) {
                    assertThat(waiting.isDone()).isFalse();
                    Thread.sleep(20);
                }
                // meanwhile the run holding the lock applies r2
                String table = "\"" + schema + "\".";
                statement.execute("CREATE TABLE " + table + "t2 (id bigint PRIMARY KEY)");
                statement.execute("UPDATE " + table + "migrations_version SET version_num = 'r00000000002'");
                String[] second = expected.get(1).split(" ");
                statement.execute("INSERT INTO " + table + "migrations_version_log (revision, action, checksum) "
                        + "VALUES ('r00000000002', 'upgrade', '" + second[3] + "')");
                statement.execute("SELECT pg_advisory_unlock(" + key + ")");

                RunResult result = waiting.get(30, TimeUnit.SECONDS);

                assertThat(result.revisions()).extracting(AppliedRevision::id).containsExactly("r00000000003");
                assertThat(heads()).containsExactly("r00000000003");
                assertThat(tables()).containsExactly("t1", "t2", "t3");
            } finally {
                run.shutdownNow();
            }
        }
    }

    @Test
    void atHeadWithTheSourcesOfTheLastLoadARunCompilesNothing() throws Exception {
        threeRevisions("op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");
        migrations(false).upgrade("head");
        InfoLines log = new InfoLines();

        RunResult result = migrations(false, log).upgrade("head");

        assertThat(result.revisions()).isEmpty();
        assertThat(result.after()).containsExactly("r00000000003");
        assertThat(log.lines).contains("Nothing to upgrade: " + postgres.getJdbcUrl("postgres", "postgres")
                + " (schema " + schema + ") is at r00000000003 (head).");
        assertThat(log.lines).filteredOn(line -> line.startsWith("Engine time:")).singleElement()
                .satisfies(line -> assertThat(line).contains("scan ", "load ", "position ").doesNotContain("compile "));
    }

    @Test
    void aCatalogClosesTheClassLoaderItMadeForTheCompiledSources() throws Exception {
        threeRevisions("op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");
        migrations(false).graph();   // compiled, and their metadata indexed
        RevisionCatalog catalog = migrations(false).catalog();
        assertThat(catalog.revision("r00000000001").instantiate()).isNotNull();

        catalog.close();

        // a class not loaded before the close can no longer be
        assertThatThrownBy(() -> catalog.revision("r00000000002").instantiate())
                .isInstanceOf(MigrationException.class);
    }

    @Test
    void aMigrationsCodeReadsAsItWouldOnItsOwnConnection() throws Exception {
        // a data migration that streams a large table with a fetch size must get a cursor, not every
        // row at once: the engine's connection keeps the driver's protocol for the code it hands out
        threeRevisions("""
                op.createTable("t3", column("id", bigint()).primaryKey());
                op.run(connection -> {
                    String streamed = "SELECT g FROM generate_series(1, 1000) g";
                    try (var big = connection.createStatement();
                         var cursors = connection.prepareStatement("SELECT count(*) FROM pg_cursors WHERE statement = ?")) {
                        big.setFetchSize(10);
                        cursors.setString(1, streamed);
                        // counted by its text: the counting query has a portal of its own
                        try (var rows = big.executeQuery(streamed); var open = cursors.executeQuery()) {
                            rows.next();
                            open.next();
                            if (open.getInt(1) != 1) {
                                throw new java.sql.SQLException("the rows were read all at once, not through a cursor");
                            }
                        }
                    }
                });""");

        migrations(false).upgrade("head");

        assertThat(tables()).containsExactly("t1", "t2", "t3");
    }

    @Test
    void aRevisionThatRunsLongSaysSoBeforeItEnds() throws Exception {
        // longer than SlowRevisionWatch.FIRST, shorter than FIRST + EVERY: one "running" line
        threeRevisions("op.execute(\"DO $$ BEGIN PERFORM pg_sleep(7); END $$\");");
        InfoLines log = new InfoLines();

        migrations(false, log).upgrade("head");

        List<String> lines = List.copyOf(log.lines);
        int running = indexOfLineStarting(lines, "  running  r00000000003  step 3  (");
        int applied = indexOfLineStarting(lines, "  applied  r00000000003  step 3  (");
        assertThat(running).as("the running line in %s", lines).isNotNegative().isLessThan(applied);
        assertThat(lines).filteredOn(line -> line.contains("running")).as("lines about the quick ones")
                .hasSize(1);
    }

    private static int indexOfLineStarting(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void stampingWhereTheDatabaseAlreadyIsKeepsTheChecksumsThatFindEdits() throws Exception {
        threeRevisions("op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");
        migrations(false).upgrade("head");

        migrations(false).stamp("head", false);
        revision(3, "op.createTable(\"t3\", column(\"id\", bigint()).primaryKey()); /* edited */");

        assertThatThrownBy(() -> migrations(false).upgrade("head")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("Revision r00000000003 was edited after it was applied");
    }

    @Test
    void atHeadARevisionThatTheDatabaseRecordsWithAnotherChecksumIsStillRefused() throws Exception {
        threeRevisions("op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");
        migrations(false).upgrade("head");
        // as if another checkout, with another version of r2's source, had applied it
        query("UPDATE \"" + schema + "\".migrations_version_log SET checksum = 'edited' "
                + "WHERE revision = 'r00000000002' RETURNING 1");
        List<String> logBefore = log();

        assertThatThrownBy(() -> migrations(false).upgrade("head"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Revision r00000000002 was edited after it was applied");

        assertThat(log()).isEqualTo(logBefore);
    }

    @Test
    void aDatabaseTakenBackByAnotherRunIsUpgradedAgainFromTheSameSources() throws Exception {
        threeRevisions("op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");
        migrations(false).upgrade("head");
        migrations(false).downgrade("r00000000001");

        RunResult result = migrations(false).upgrade("head");

        assertThat(result.revisions()).extracting(AppliedRevision::id).containsExactly("r00000000002", "r00000000003");
        assertThat(tables()).containsExactly("t1", "t2", "t3");
    }

    @Test
    void aRevisionAddedSinceTheLastLoadIsAppliedAndAnEditedOneRefused() throws Exception {
        revision(1, "op.createTable(\"t1\", column(\"id\", bigint()).primaryKey());");
        revision(2, "op.createTable(\"t2\", column(\"id\", bigint()).primaryKey());");
        migrations(false).upgrade("head");
        migrations(false).upgrade("head");
        revision(3, "op.createTable(\"t3\", column(\"id\", bigint()).primaryKey());");

        assertThat(migrations(false).upgrade("head").revisions()).extracting(AppliedRevision::id)
                .containsExactly("r00000000003");

        revision(2, "op.createTable(\"t2\", column(\"id\", bigint()).primaryKey(), column(\"x\", text()));");
        assertThatThrownBy(() -> migrations(false).upgrade("head"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Revision r00000000002 was edited after it was applied");
    }

    @Test
    void theDeferredFlushRollsBackWhatAFailedRunLeftOpenAndEndsWithATransactionThatWrites() throws SQLException {
        Properties ownSetting = new Properties();
        ownSetting.setProperty("options", "-c synchronous_commit=local");
        try (Connection connection = new org.postgresql.Driver().connect(postgres.getJdbcUrl("postgres", "postgres"),
                ownSetting)) {
            VersionTable versionTable = new VersionTable(new PostgresDialect(), schema, "migrations_version");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA \"" + schema + "\"");
            }
            versionTable.createIfMissing(connection);
            versionTable.move(Set.of(), Set.of(), List.of(new LogEntry("r1", LogEntry.Action.UPGRADE, "m", "c", 1L, "me")))
                    .execute(connection);
            String rowVersion = newestLogRowVersion(connection);
            DeferredFlush flush = DeferredFlush.begin(connection, versionTable);
            assertThat(setting(connection)).isEqualTo("off");

            // a run that failed between two revisions of one transaction
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE \"" + schema + "\".t_half_done (id int)");
            }
            flush.close();

            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(tables()).isEmpty();
            assertThat(setting(connection)).isEqualTo("local");
            // the last transaction rewrote a row: only a transaction that writes waits for its flush
            assertThat(newestLogRowVersion(connection)).isNotEqualTo(rowVersion);
        }
    }

    private String newestLogRowVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT xmin::text || ctid::text FROM \"" + schema
                     + "\".migrations_version_log ORDER BY id DESC LIMIT 1")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String setting(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW synchronous_commit")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
