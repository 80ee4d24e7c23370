package dev.migrations.autogen.schema;

import static dev.migrations.api.Schema.bigint;
import static dev.migrations.api.Schema.bool;
import static dev.migrations.api.Schema.bytea;
import static dev.migrations.api.Schema.character;
import static dev.migrations.api.Schema.check;
import static dev.migrations.api.Schema.column;
import static dev.migrations.api.Schema.date;
import static dev.migrations.api.Schema.doublePrecision;
import static dev.migrations.api.Schema.foreignKey;
import static dev.migrations.api.Schema.index;
import static dev.migrations.api.Schema.integer;
import static dev.migrations.api.Schema.json;
import static dev.migrations.api.Schema.jsonb;
import static dev.migrations.api.Schema.numeric;
import static dev.migrations.api.Schema.primaryKey;
import static dev.migrations.api.Schema.real;
import static dev.migrations.api.Schema.sequence;
import static dev.migrations.api.Schema.smallint;
import static dev.migrations.api.Schema.text;
import static dev.migrations.api.Schema.time;
import static dev.migrations.api.Schema.timestamp;
import static dev.migrations.api.Schema.timestamptz;
import static dev.migrations.api.Schema.type;
import static dev.migrations.api.Schema.unique;
import static dev.migrations.api.Schema.uuid;
import static dev.migrations.api.Schema.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.model.Column;
import dev.migrations.api.model.Constraint;
import dev.migrations.api.model.Index;
import dev.migrations.api.model.ReferentialAction;
import dev.migrations.api.model.Sequence;
import dev.migrations.api.model.SqlType;
import dev.migrations.api.operation.CreateIndex;
import dev.migrations.api.operation.CreateSequence;
import dev.migrations.api.operation.CreateTable;
import dev.migrations.api.operation.ExecuteSql;
import dev.migrations.api.operation.Operation;
import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.engine.dialect.SqlStatement;
import dev.migrations.engine.version.VersionTable;
import dev.migrations.testing.EmbeddedServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Builds schemas on a real PostgreSQL through {@link PostgresDialect}, reads them back and
 * compares the snapshot with what was created. Every read goes through a connection that fails
 * the test if the reader commits, rolls back, changes auto-commit or closes it.
 */
class SchemaReaderTest {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final Set<String> TRANSACTION_CONTROL = Set.of("close", "commit", "rollback",
            "setAutoCommit", "abort", "setSavepoint", "releaseSavepoint");

    @RegisterExtension
    static final EmbeddedServer postgres = new EmbeddedServer();
    private static DataSource dataSource;

    private final PostgresDialect dialect = new PostgresDialect();
    private final SchemaReader reader = new SchemaReader();
    private Connection connection;
    private String schema;
    private String other;

    @BeforeAll
    static void openDataSource() {
        dataSource = postgres.getPostgresDatabase();
    }

    @BeforeEach
    void createSchemas() throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        int n = SCHEMAS.incrementAndGet();
        schema = "Reader \"Schema\" " + n;
        other = "Other Schema " + n;
        execute("CREATE SCHEMA " + dialect.quote(schema));
        execute("CREATE SCHEMA " + dialect.quote(other));
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            execute("DROP SCHEMA IF EXISTS " + dialect.quote(schema) + " CASCADE");
            execute("DROP SCHEMA IF EXISTS " + dialect.quote(other) + " CASCADE");
        } finally {
            connection.close();
        }
    }

    @Test
    void theVersionTablesOfAnotherServiceInTheSchemaAreLeftOutByTheirShape() throws SQLException {
        new VersionTable(dialect, schema, "migrations_version").createIfMissing(connection);
        new VersionTable(dialect, schema, "billing_version").createIfMissing(connection);
        execute("CREATE TABLE " + dialect.qualify(schema, "release_version") + " (version_num varchar(32))");
        execute("CREATE TABLE " + dialect.qualify(schema, "shipment") + " (id bigint PRIMARY KEY)");

        SchemaSnapshot snapshot = read(Set.of("migrations_version", "migrations_version_log"));

        assertThat(snapshot.tables().keySet())
                .containsExactly("billing_version", "billing_version_log", "release_version", "shipment");
        // a lone table of that name and column, without its log, is anybody's
        assertThat(snapshot.withoutVersionTables().tables().keySet()).containsExactly("release_version", "shipment");
    }

    // everything the model describes

    @Test
    void schemaCrawlersInfoIsQuietDuringAReadAndItsLoggersLevelsComeBackAfter() throws SQLException {
        createShop();
        Logger crawler = Logger.getLogger("schemacrawler");
        Logger fatehi = Logger.getLogger("us.fatehi");
        Level crawlerBefore = crawler.getLevel();
        Level fatehiBefore = fatehi.getLevel();
        List<LogRecord> published = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                published.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        crawler.addHandler(handler);
        fatehi.addHandler(handler);
        try {
            read(Set.of());
        } finally {
            crawler.removeHandler(handler);
            fatehi.removeHandler(handler);
        }
        assertThat(published).allMatch(record -> record.getLevel().intValue() >= Level.WARNING.intValue());
        assertThat(crawler.getLevel()).isEqualTo(crawlerBefore);
        assertThat(fatehi.getLevel()).isEqualTo(fatehiBefore);
    }

    @Test
    void readsEveryKindOfObjectAsTheDialectCreatedIt() throws SQLException {
        createShop();

        SchemaSnapshot snapshot = read(Set.of("migrations_version"));

        assertThat(snapshot.schema()).isEqualTo(schema);
        assertThat(snapshot.tables().keySet()).containsExactly("line", "measurement", "order", "user");
        assertThat(snapshot.tables().get("user")).isEqualTo(expectedUser());
        assertThat(snapshot.tables().get("order")).isEqualTo(expectedOrder());
        assertThat(snapshot.tables().get("line")).isEqualTo(new Table("line", List.of(
                new Column("id", integer(), false,
                        "nextval('" + dialect.qualify(schema, "line_id_seq").replace("'", "''") + "'::regclass)",
                        false, false, null),
                new Column("order", bigint(), true, null, false, false, null)),
                new Constraint.PrimaryKey("line_pkey", List.of("id")), List.of(), List.of(),
                List.of(new Constraint.ForeignKey("line_order_fkey", List.of("order"), null, "order",
                        List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)),
                List.of(), null));
        // the partitioned table is a table; its partition belongs to it and is not listed
        assertThat(snapshot.tables().get("measurement").columns()).extracting(Column::name)
                .containsExactly("at", "value");
        assertThat(snapshot.sequences().values()).containsExactly(
                new Sequence("Countdown", -1, -1), new Sequence("order_seq", 100, 50));
    }

    @Test
    void everyTypeReadBackIsRenderedToTheSameFormatType() throws SQLException {
        createShop();
        SchemaSnapshot snapshot = read(Set.of());
        String copy = "Copy of " + schema;
        execute("CREATE SCHEMA " + dialect.quote(copy));
        try {
            for (Table table : snapshot.tables().values()) {
                List<Column> typesOnly = table.columns().stream().map(c -> Column.of(c.name(), c.type())).toList();
                apply(new CreateTable(copy, table.name(), typesOnly, List.of(), null));
            }

            List<String> original = formatTypes(schema);
            assertThat(original).hasSizeGreaterThan(40);
            assertThat(formatTypes(copy)).isEqualTo(original);
        } finally {
            execute("DROP SCHEMA " + dialect.quote(copy) + " CASCADE");
        }
    }

    @Test
    void commentsAreReadExactlyAsStored() throws SQLException {
        String tableComment = "  padded, with a newline and 'quotes' \\ \n";
        String columnComment = "\ttabbed\n\n";
        apply(new CreateTable(schema, "note", List.of(column("body", text()).comment(columnComment)),
                List.of(), tableComment));

        Table note = read(Set.of()).tables().get("note");

        assertThat(note.comment()).isEqualTo(tableComment);
        assertThat(note.columns().get(0).comment()).isEqualTo(columnComment);
    }

    // the connection stays the caller's

    @Test
    void readsUncommittedDdlAndLeavesTheTransactionOpen() throws SQLException {
        connection.setAutoCommit(false);
        String scratch = "Scratch " + schema;
        execute("CREATE SCHEMA " + dialect.quote(scratch));
        apply(new CreateTable(scratch, "user", List.of(column("id", bigint()).primaryKey()), List.of(), null));
        String transaction = query("SELECT txid_current()::text").get(0);

        SchemaSnapshot snapshot = reader.read(guarded(connection), scratch, Set.of());

        assertThat(snapshot.tables()).containsOnlyKeys("user");
        assertThat(connection.getAutoCommit()).isFalse();
        assertThat(query("SELECT txid_current()::text")).containsExactly(transaction);

        connection.rollback();
        assertThat(reader.read(guarded(connection), scratch, Set.of())).isEqualTo(SchemaSnapshot.empty(scratch));
    }

    @Test
    void leavesAnAutoCommitConnectionAsItWas() throws SQLException {
        apply(new CreateTable(schema, "user", List.of(column("id", bigint())), List.of(), null));

        assertThat(read(Set.of()).tables()).containsOnlyKeys("user");

        assertThat(connection.getAutoCommit()).isTrue();
        assertThat(query("SELECT 1::text")).containsExactly("1");
    }

    @Test
    void aFailedTransactionIsReportedAsTheDatabaseReportsIt() throws SQLException {
        connection.setAutoCommit(false);
        assertThatThrownBy(() -> execute("SELECT 1 / 0")).isInstanceOf(SQLException.class);

        assertThatThrownBy(() -> read(Set.of()))
                .isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "25P02");
    }

    // what is not read

    @Test
    void otherSchemasAndExcludedTablesAreNotRead() throws SQLException {
        apply(new CreateTable(schema, "user", List.of(column("id", bigint())), List.of(), null));
        apply(new CreateTable(schema, "migrations_version",
                List.of(column("version_num", varchar(32)).primaryKey()), List.of(), null));
        apply(new CreateTable(other, "user", List.of(column("id", bigint()), column("name", text())),
                List.of(unique("uq other", "name")), null));
        apply(new CreateTable(other, "only there", List.of(column("id", bigint())), List.of(), null));
        apply(new CreateSequence(other, sequence("other_seq")));

        SchemaSnapshot snapshot = read(Set.of("migrations_version"));

        assertThat(snapshot).isEqualTo(SchemaSnapshot.of(schema, List.of(new Table("user",
                List.of(new Column("id", bigint(), true, null, false, false, null)), null,
                List.of(), List.of(), List.of(), List.of(), null)), List.of()));
    }

    @Test
    void aSchemaThatDoesNotExistIsEmpty() throws SQLException {
        assertThat(reader.read(guarded(connection), "no such schema", Set.of()))
                .isEqualTo(SchemaSnapshot.empty("no such schema"));
    }

    @Test
    void namesBeginningOrEndingWithWhiteSpaceAreRefusedRatherThanReadWrong() throws SQLException {
        apply(new CreateTable(schema, " padded", List.of(column("id ", bigint())), List.of(), null));

        assertThatThrownBy(() -> read(Set.of()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("\" padded\"")
                .hasMessageContaining("\"id \"");
    }

    // size

    @Test
    void readsTwoHundredTablesCompletely() throws SQLException {
        int count = 200;
        connection.setAutoCommit(false);
        apply(new CreateTable(schema, "root", List.of(column("id", bigint()).identity().primaryKey()), List.of(), null));
        for (int i = 0; i < count; i++) {
            String name = "t%03d".formatted(i);
            String parent = parentOf(i);
            apply(new CreateTable(schema, name, List.of(
                    column("id", bigint()).identity().primaryKey(),
                    column("parent", bigint()).notNull(),
                    column("code", varchar(40)).notNull(),
                    column("name", text()),
                    column("amount", numeric(12, 2)).notNull().serverDefault("0"),
                    column("created", timestamptz()).notNull().serverDefault("now()"),
                    column("active", bool()).notNull().serverDefault("true"),
                    column("payload", jsonb())),
                    List.of(unique(name + "_code_key", "code"),
                            foreignKey(name + "_parent_fkey", "parent").references(parent, "id")),
                    "table " + i));
            apply(new CreateIndex(schema, name, index(name + "_created_idx", "created"), false));
        }
        connection.commit();
        connection.setAutoCommit(true);

        long start = System.nanoTime();
        SchemaSnapshot first = read(Set.of());
        long firstNanos = System.nanoTime() - start;
        long[] warm = new long[10];
        for (int i = 0; i < warm.length; i++) {
            start = System.nanoTime();
            assertThat(read(Set.of())).isEqualTo(first);
            warm[i] = System.nanoTime() - start;
        }
        Arrays.sort(warm);
        System.out.printf("SchemaReader: %d tables read in %d ms first (in this JVM), warm: min %d ms, median %d ms%n",
                count + 1, firstNanos / 1_000_000, warm[0] / 1_000_000, warm[warm.length / 2] / 1_000_000);

        assertThat(first.tables()).hasSize(count + 1);
        for (int i = 0; i < count; i++) {
            String name = "t%03d".formatted(i);
            Table table = first.tables().get(name);
            assertThat(table.columns()).extracting(Column::name).containsExactly(
                    "id", "parent", "code", "name", "amount", "created", "active", "payload");
            assertThat(table.primaryKey()).isEqualTo(new Constraint.PrimaryKey(name + "_pkey", List.of("id")));
            assertThat(table.uniques()).containsExactly(new Constraint.Unique(name + "_code_key", List.of("code")));
            assertThat(table.indexes()).containsExactly(new Index(name + "_created_idx", List.of("created"), false, null));
            assertThat(table.foreignKeys()).containsExactly(new Constraint.ForeignKey(name + "_parent_fkey",
                    List.of("parent"), null, parentOf(i), List.of("id"),
                    ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
            assertThat(table.comment()).isEqualTo("table " + i);
        }
    }

    /** Foreign keys form a binary tree under {@code root}, eight levels deep for 200 tables. */
    private static String parentOf(int table) {
        return table == 0 ? "root" : "t%03d".formatted((table - 1) / 2);
    }

    // the shop: every kind of object, in awkward names

    /**
     * Tables {@code user} and {@code order} (reserved words), a serial-keyed {@code line}, a
     * partitioned {@code measurement} with one partition, an excluded version table, two
     * stand-alone sequences, and a {@code user} table in the other schema that a foreign key
     * points to.
     */
    private void createShop() throws SQLException {
        apply(new ExecuteSql("CREATE TYPE " + dialect.qualify(schema, "mood") + " AS ENUM ('happy', 'sad')", null));
        apply(new CreateTable(other, "user", List.of(column("id", bigint()).primaryKey()), List.of(), null));
        apply(new CreateTable(schema, "user", List.of(
                column("id", bigint()).identity(),
                column("Tenant", integer()).notNull(),
                column("e-mail", varchar(320)).notNull(),
                column("name", text()).comment("shown on \"invoices\"\n"),
                column("created", timestamptz(3)).notNull().serverDefault("now()")),
                List.of(primaryKey("user pk", "Tenant", "id"),
                        unique("uq user e-mail", "e-mail", "Tenant")),
                "Customers; 'quoted'"));
        apply(new CreateTable(schema, "order", List.of(
                column("id", bigint()).identity().primaryKey(),
                column("small", smallint()),
                column("int", integer()).notNull().serverDefault("42"),
                column("big", bigint()),
                column("amount", numeric(12, 2)).notNull().serverDefault("0"),
                column("any number", numeric()),
                column("ratio", real()),
                column("precise", doublePrecision()),
                column("paid", bool()).notNull().serverDefault("false"),
                column("status", varchar(20)).serverDefault("'new'"),
                column("note", varchar()),
                column("code", character(3)),
                column("text", text()),
                column("day", date()),
                column("at", time()),
                column("at ms", SqlType.of("time", 3)),
                column("at tz", SqlType.of("time with time zone", 2)),
                column("placed", timestamp()),
                column("placed ms", timestamp(3)),
                column("paid at", timestamptz()),
                column("paid at µs", timestamptz(6)),
                column("ref", uuid()).serverDefault("gen_random_uuid()"),
                column("blob", bytea()),
                column("doc", json()),
                column("docb", jsonb()),
                column("file", type("oid")),
                column("tags", type("integer[]")),
                column("labels", SqlType.of("varchar[]", 20)),
                column("matrix", SqlType.of("numeric[]", 10, 2)),
                column("stamps", SqlType.of("timestamp with time zone[]", 3)),
                column("flags", SqlType.of("bit", 8)),
                column("wait", SqlType.of("interval day to second", 3)),
                column("span", type("int4range")),
                column("mood", type(dialect.qualify(schema, "mood"))),
                column("Tenant", integer()).notNull(),
                column("user", bigint()).notNull().comment("who ordered"),
                column("select", bigint()),
                column("café", bigint())),
                List.of(unique("order uq", "code", "status"),
                        check("ck order amount", "amount >= 0"),
                        check("select", "\"select\" <> id"),
                        foreignKey("order → user", "Tenant", "user").references("user", "Tenant", "id")
                                .onDelete(ReferentialAction.CASCADE),
                        foreignKey("order_select_fkey", "select").references("order", "id")
                                .onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE),
                        foreignKey("fk café", "café").references(other, "user", List.of("id"))
                                .onDelete(ReferentialAction.SET_DEFAULT).onUpdate(ReferentialAction.RESTRICT)),
                null));
        apply(new CreateIndex(schema, "order", index("order_day_idx", "day"), false));
        apply(new CreateIndex(schema, "order", index("Order Status", "status", "paid").unique(), false));
        apply(new CreateIndex(schema, "order", index("open orders", "placed").where("NOT paid"), false));
        apply(new ExecuteSql("CREATE INDEX \"order lower text\" ON " + dialect.qualify(schema, "order")
                + " (lower(text), day)", null));
        apply(new CreateTable(schema, "line", List.of(
                column("id", type("serial")).primaryKey(),
                column("order", bigint())),
                List.of(foreignKey(null, "order").references("order", "id")), null));
        apply(new ExecuteSql("CREATE TABLE " + dialect.qualify(schema, "measurement")
                + " (at date NOT NULL, value numeric) PARTITION BY RANGE (at)", null));
        apply(new ExecuteSql("CREATE TABLE " + dialect.qualify(schema, "measurement 2026")
                + " PARTITION OF " + dialect.qualify(schema, "measurement")
                + " FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')", null));
        apply(new CreateTable(schema, "migrations_version",
                List.of(column("version_num", varchar(32)).primaryKey()), List.of(), null));
        apply(new CreateSequence(schema, sequence("order_seq").startWith(100).incrementBy(50)));
        apply(new CreateSequence(schema, sequence("Countdown").startWith(-1).incrementBy(-1)));
    }

    private Table expectedUser() {
        return new Table("user", List.of(
                new Column("id", bigint(), false, null, true, false, null),
                new Column("Tenant", integer(), false, null, false, false, null),
                new Column("e-mail", varchar(320), false, null, false, false, null),
                new Column("name", text(), true, null, false, false, "shown on \"invoices\"\n"),
                new Column("created", timestamptz(3), false, "now()", false, false, null)),
                new Constraint.PrimaryKey("user pk", List.of("Tenant", "id")),
                List.of(new Constraint.Unique("uq user e-mail", List.of("e-mail", "Tenant"))),
                List.of(), List.of(), List.of(), "Customers; 'quoted'");
    }

    private Table expectedOrder() {
        return new Table("order", List.of(
                new Column("id", bigint(), false, null, true, false, null),
                new Column("small", smallint(), true, null, false, false, null),
                new Column("int", integer(), false, "42", false, false, null),
                new Column("big", bigint(), true, null, false, false, null),
                new Column("amount", numeric(12, 2), false, "0", false, false, null),
                new Column("any number", numeric(), true, null, false, false, null),
                new Column("ratio", real(), true, null, false, false, null),
                new Column("precise", doublePrecision(), true, null, false, false, null),
                new Column("paid", bool(), false, "false", false, false, null),
                new Column("status", varchar(20), true, "'new'::character varying", false, false, null),
                new Column("note", varchar(), true, null, false, false, null),
                new Column("code", character(3), true, null, false, false, null),
                new Column("text", text(), true, null, false, false, null),
                new Column("day", date(), true, null, false, false, null),
                new Column("at", time(), true, null, false, false, null),
                new Column("at ms", SqlType.of("time", 3), true, null, false, false, null),
                new Column("at tz", SqlType.of("time with time zone", 2), true, null, false, false, null),
                new Column("placed", timestamp(), true, null, false, false, null),
                new Column("placed ms", timestamp(3), true, null, false, false, null),
                new Column("paid at", timestamptz(), true, null, false, false, null),
                new Column("paid at µs", timestamptz(6), true, null, false, false, null),
                new Column("ref", uuid(), true, "gen_random_uuid()", false, false, null),
                new Column("blob", bytea(), true, null, false, false, null),
                new Column("doc", json(), true, null, false, false, null),
                new Column("docb", jsonb(), true, null, false, false, null),
                new Column("file", type("oid"), true, null, false, false, null),
                new Column("tags", type("integer[]"), true, null, false, false, null),
                new Column("labels", SqlType.of("varchar[]", 20), true, null, false, false, null),
                new Column("matrix", SqlType.of("numeric[]", 10, 2), true, null, false, false, null),
                new Column("stamps", SqlType.of("timestamp with time zone[]", 3), true, null, false, false, null),
                new Column("flags", SqlType.of("bit", 8), true, null, false, false, null),
                new Column("wait", SqlType.of("interval day to second", 3), true, null, false, false, null),
                new Column("span", type("int4range"), true, null, false, false, null),
                new Column("mood", type(dialect.qualify(schema, "mood")), true, null, false, false, null),
                new Column("Tenant", integer(), false, null, false, false, null),
                new Column("user", bigint(), false, null, false, false, "who ordered"),
                new Column("select", bigint(), true, null, false, false, null),
                new Column("café", bigint(), true, null, false, false, null)),
                new Constraint.PrimaryKey("order_pkey", List.of("id")),
                List.of(new Constraint.Unique("order uq", List.of("code", "status"))),
                List.of(new Constraint.Check("ck order amount", "(amount >= (0)::numeric)"),
                        new Constraint.Check("select", "(\"select\" <> id)")),
                List.of(new Constraint.ForeignKey("fk café", List.of("café"), other, "user", List.of("id"),
                                ReferentialAction.SET_DEFAULT, ReferentialAction.RESTRICT),
                        new Constraint.ForeignKey("order → user", List.of("Tenant", "user"), null, "user",
                                List.of("Tenant", "id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
                        new Constraint.ForeignKey("order_select_fkey", List.of("select"), null, "order",
                                List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.CASCADE)),
                List.of(new Index("Order Status", List.of("status", "paid"), true, null),
                        new Index("open orders", List.of("placed"), false, "(NOT paid)"),
                        new Index("order lower text", List.of("lower(text)", "day"), false, null),
                        new Index("order_day_idx", List.of("day"), false, null)),
                null);
    }

    // reading

    private SchemaSnapshot read(Set<String> excludedTables) throws SQLException {
        return reader.read(guarded(connection), schema, excludedTables);
    }

    /** The connection, failing the test on any call that would end or reshape its transaction. */
    private static Connection guarded(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (TRANSACTION_CONTROL.contains(method.getName())) {
                        throw new AssertionError("the reader called Connection." + method.getName() + "()");
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** {@code table.column type} for every column of the schema, as PostgreSQL stores it. */
    private List<String> formatTypes(String schemaName) throws SQLException {
        return query("SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
                + " AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY c.relname, a.attnum", schemaName);
    }

    // running SQL

    private void apply(Operation operation) throws SQLException {
        for (SqlStatement statement : dialect.render(operation)) {
            execute(statement.sql());
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\n  in: " + sql, e.getSQLState(), e);
        }
    }

    private List<String> query(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }
}
