package dev.migrations.engine.dialect;

import static dev.migrations.api.Schema.bigint;
import static dev.migrations.api.Schema.bool;
import static dev.migrations.api.Schema.check;
import static dev.migrations.api.Schema.column;
import static dev.migrations.api.Schema.comment;
import static dev.migrations.api.Schema.dropNotNull;
import static dev.migrations.api.Schema.foreignKey;
import static dev.migrations.api.Schema.index;
import static dev.migrations.api.Schema.integer;
import static dev.migrations.api.Schema.numeric;
import static dev.migrations.api.Schema.primaryKey;
import static dev.migrations.api.Schema.sequence;
import static dev.migrations.api.Schema.serverDefault;
import static dev.migrations.api.Schema.setNotNull;
import static dev.migrations.api.Schema.text;
import static dev.migrations.api.Schema.timestamptz;
import static dev.migrations.api.Schema.type;
import static dev.migrations.api.Schema.unique;
import static dev.migrations.api.Schema.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.api.model.Column;
import dev.migrations.api.model.Constraint;
import dev.migrations.api.model.ReferentialAction;
import dev.migrations.api.model.SqlType;
import dev.migrations.api.operation.AddColumn;
import dev.migrations.api.operation.AddConstraint;
import dev.migrations.api.operation.AlterColumn;
import dev.migrations.api.operation.AlterSequence;
import dev.migrations.api.operation.BulkInsert;
import dev.migrations.api.operation.CreateIndex;
import dev.migrations.api.operation.CreateSequence;
import dev.migrations.api.operation.CreateTable;
import dev.migrations.api.operation.DropColumn;
import dev.migrations.api.operation.DropConstraint;
import dev.migrations.api.operation.DropIndex;
import dev.migrations.api.operation.DropSequence;
import dev.migrations.api.operation.DropTable;
import dev.migrations.api.operation.ExecuteSql;
import dev.migrations.api.operation.Operation;
import dev.migrations.api.operation.RenameColumn;
import dev.migrations.api.operation.RenameTable;
import dev.migrations.api.operation.SetTableComment;
import dev.migrations.testing.EmbeddedServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the rendered SQL on a real PostgreSQL and reads the effect back from its catalog. Each
 * operation is applied, checked, reversed, and the schema compared with how it was before.
 * Every test works in its own schema, itself named so that it needs quoting.
 */
class PostgresDialectDatabaseTest {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    @RegisterExtension
    static final EmbeddedServer postgres = new EmbeddedServer();
    private static DataSource dataSource;

    private final PostgresDialect dialect = new PostgresDialect();
    private Connection connection;
    private String schema;
    private TestSchema catalog;

    @BeforeAll
    static void openDataSource() {
        dataSource = postgres.getPostgresDatabase();
    }

    @BeforeEach
    void createSchema() throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        schema = "Test \"Schema\" " + SCHEMAS.incrementAndGet();
        catalog = new TestSchema(connection, schema);
        execute("CREATE SCHEMA " + dialect.quote(schema));
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try {
            execute("DROP SCHEMA " + dialect.quote(schema) + " CASCADE");
        } finally {
            connection.close();
        }
    }

    // tables

    private CreateTable orderTable() {
        return new CreateTable(schema, "order", List.of(
                column("id", bigint()).identity().primaryKey(),
                column("user", text()).notNull().comment("who placed it; \"the\" buyer's name"),
                column("Mixed Case", numeric(12, 2)).serverDefault("0").notNull(),
                column("we\"ird", varchar(20)),
                column("café", timestamptz(3)).serverDefault("now()"),
                column("time", SqlType.of("time with time zone", 2))),
                List.of(unique("uq order user", "user", "we\"ird"),
                        check("ck_order_amount", "\"Mixed Case\" >= 0")),
                "Orders; it's a reserved word");
    }

    @Test
    void createTableAndDropItAgain() throws SQLException {
        List<String> before = snapshot();
        CreateTable create = orderTable();

        apply(create);

        assertThat(columns("order")).containsExactlyInAnyOrder(
                "Mixed Case numeric(12,2) not null default 0",
                "café timestamp(3) with time zone default now()",
                "id bigint not null identity d",
                "time time(2) with time zone",
                "user text not null",
                "we\"ird character varying(20)");
        assertThat(constraints("order")).containsExactlyInAnyOrder(
                "order_pkey p PRIMARY KEY (id)",
                "uq order user u UNIQUE (\"user\", \"we\"\"ird\")",
                "ck_order_amount c CHECK ((\"Mixed Case\" >= (0)::numeric))");
        assertThat(tableComment("order")).isEqualTo("Orders; it's a reserved word");
        assertThat(columnComment("order", "user")).isEqualTo("who placed it; \"the\" buyer's name");

        apply(create.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void dropTableCarryingItsDefinitionIsReversedToTheSameSchema() throws SQLException {
        CreateTable create = orderTable();
        apply(create);
        List<String> created = snapshot();
        DropTable drop = new DropTable(schema, "order", create);

        apply(drop);
        assertThat(tables()).doesNotContain("order");

        apply(drop.reverse());
        assertThat(snapshot()).isEqualTo(created);
    }

    @Test
    void renameTableAndBack() throws SQLException {
        apply(orderTable());
        List<String> before = snapshot();
        RenameTable rename = new RenameTable(schema, "order", "Select From");

        apply(rename);
        assertThat(tables()).contains("Select From").doesNotContain("order");

        apply(rename.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void setTableCommentAndBack() throws SQLException {
        apply(orderTable());
        List<String> before = snapshot();
        SetTableComment comment = new SetTableComment(schema, "order", "Orders; it's a reserved word",
                "Now with a backslash \\ and 'quotes'");

        apply(comment);
        assertThat(tableComment("order")).isEqualTo("Now with a backslash \\ and 'quotes'");

        apply(comment.reverse());
        assertThat(snapshot()).isEqualTo(before);
        apply(new SetTableComment(schema, "order", null, null));
        assertThat(tableComment("order")).isNull();
    }

    @Test
    void commentLiteralsMeanTheSameWithoutStandardConformingStrings() throws SQLException {
        apply(orderTable());
        String text = "C:\\temp\\ is 'cold' \\'; DROP TABLE x; --";
        execute("SET standard_conforming_strings = off");
        try {
            apply(new SetTableComment(schema, "order", null, text));
        } finally {
            execute("SET standard_conforming_strings = on");
        }
        assertThat(tableComment("order")).isEqualTo(text);
        apply(new SetTableComment(schema, "order", null, text + "!"));
        assertThat(tableComment("order")).isEqualTo(text + "!");
    }

    // columns

    @Test
    void addColumnAndDropItAgain() throws SQLException {
        apply(new CreateTable(schema, "user", List.of(column("name", text())), List.of(), null));
        List<String> before = snapshot();
        AddColumn add = new AddColumn(schema, "user",
                column("group", varchar(40)).notNull().serverDefault("'staff'").comment("it's a role"));

        apply(add);
        assertThat(columns("user")).contains("group character varying(40) not null default 'staff'::character varying");
        assertThat(columnComment("user", "group")).isEqualTo("it's a role");

        apply(add.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void addIdentityPrimaryKeyColumnAndDropItAgain() throws SQLException {
        apply(new CreateTable(schema, "user", List.of(column("name", text())), List.of(), null));
        List<String> before = snapshot();
        AddColumn add = new AddColumn(schema, "user", column("id", bigint()).identity().primaryKey());

        apply(add);
        assertThat(columns("user")).contains("id bigint not null identity d");
        assertThat(constraints("user")).containsExactly("user_pkey p PRIMARY KEY (id)");

        apply(add.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void dropColumnCarryingItsDefinitionIsReversed() throws SQLException {
        apply(orderTable());
        List<String> before = snapshot();
        Column café = column("café", timestamptz(3)).serverDefault("now()");
        DropColumn drop = new DropColumn(schema, "order", "café", café);

        apply(drop);
        assertThat(columns("order")).noneMatch(c -> c.startsWith("café"));

        apply(drop.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void alterColumnTypeNullabilityDefaultAndCommentTogetherAndBack() throws SQLException {
        apply(orderTable());
        List<String> before = snapshot();
        AlterColumn alter = new AlterColumn(schema, "order", "we\"ird", List.of(
                type(varchar(20), integer(), "length(\"we\"\"ird\")"),
                setNotNull(),
                serverDefault(null, "42"),
                comment(null, "was 'text', now a number")));

        apply(alter);
        assertThat(columns("order")).contains("we\"ird integer not null default 42");
        assertThat(columnComment("order", "we\"ird")).isEqualTo("was 'text', now a number");

        apply(alter.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aTextColumnBecomesANumberAndBackWithoutAHandWrittenUsing() throws SQLException {
        apply(new CreateTable(schema, "typed", List.of(column("Age", varchar(20))), List.of(), null));
        List<String> before = snapshot();
        query("INSERT INTO " + dialect.qualify(schema, "typed") + " VALUES ('42') RETURNING 1");
        AlterColumn alter = new AlterColumn(schema, "typed", "Age", List.of(type(varchar(20), integer())));

        apply(alter);
        assertThat(columns("typed")).contains("Age integer");
        assertThat(query("SELECT \"Age\" + 1 FROM " + dialect.qualify(schema, "typed"))).containsExactly("43");

        apply(alter.reverse());
        assertThat(snapshot()).isEqualTo(before);
        assertThat(query("SELECT \"Age\" FROM " + dialect.qualify(schema, "typed"))).containsExactly("42");
    }

    @Test
    void aTypeChangeWithANewDefaultDropsTheOldDefaultFirstBothWays() throws SQLException {
        apply(new CreateTable(schema, "flags", List.of(column("active", integer()).notNull().serverDefault("0")),
                List.of(), null));
        List<String> before = snapshot();
        AlterColumn alter = new AlterColumn(schema, "flags", "active", List.of(
                type(integer(), SqlType.of("boolean")), serverDefault("0", "false")));

        apply(alter);
        assertThat(columns("flags")).contains("active boolean not null default false");

        apply(alter.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void alterColumnDropsDefaultAndNotNull() throws SQLException {
        apply(orderTable());
        List<String> before = snapshot();
        AlterColumn alter = new AlterColumn(schema, "order", "Mixed Case", List.of(
                serverDefault("0", null), dropNotNull()));

        apply(alter);
        assertThat(columns("order")).contains("Mixed Case numeric(12,2)");

        apply(alter.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void renameColumnAndBack() throws SQLException {
        apply(orderTable());
        List<String> before = snapshot();
        RenameColumn rename = new RenameColumn(schema, "order", "user", "Customer Name");

        apply(rename);
        assertThat(columns("order")).contains("Customer Name text not null");

        apply(rename.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    // indexes

    @Test
    void createUniquePartialIndexAndDropIt() throws SQLException {
        apply(orderTable());
        List<String> before = snapshot();
        CreateIndex create = new CreateIndex(schema, "order",
                index("ix order user", "user", "Mixed Case").unique().where("\"we\"\"ird\" IS NOT NULL"), false);

        apply(create);
        assertThat(indexes()).anyMatch(i -> i.startsWith("CREATE UNIQUE INDEX \"ix order user\"")
                && i.endsWith("(\"user\", \"Mixed Case\") WHERE (\"we\"\"ird\" IS NOT NULL)"));

        apply(create.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void createIndexConcurrentlyAndDropItConcurrently() throws SQLException {
        apply(orderTable());
        List<String> before = snapshot();
        CreateIndex create = new CreateIndex(schema, "order", index("café_idx", "café"), true);

        apply(create);
        assertThat(indexes()).anyMatch(i -> i.startsWith("CREATE INDEX \"café_idx\"") && i.endsWith("(\"café\")"));

        apply(create.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void dropIndexCarryingItsDefinitionIsReversed() throws SQLException {
        apply(orderTable());
        apply(new CreateIndex(schema, "order", index("Order By Time", "time"), false));
        List<String> before = snapshot();
        DropIndex drop = new DropIndex(schema, "order", "Order By Time", index("Order By Time", "time"), false);

        apply(drop);
        assertThat(indexes()).noneMatch(i -> i.contains("Order By Time"));

        apply(drop.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    // constraints

    @Test
    void addEachKindOfConstraintAndDropIt() throws SQLException {
        apply(new CreateTable(schema, "group", List.of(column("id", integer()).notNull(),
                column("parent", integer()), column("Label", text())), List.of(), null));
        List<Constraint> constraints = List.of(
                primaryKey("pk group", "id"),
                unique("uq_group_label", "Label"),
                check("ck_group_parent", "parent <> id"),
                foreignKey("fk_group_parent", "parent").references("group", "id")
                        .onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.SET_NULL));
        List<String> expected = List.of(
                "pk group p PRIMARY KEY (id)",
                "uq_group_label u UNIQUE (\"Label\")",
                "ck_group_parent c CHECK ((parent <> id))",
                "fk_group_parent f FOREIGN KEY (parent) REFERENCES " + dialect.quote(schema)
                        + ".\"group\"(id) ON UPDATE SET NULL ON DELETE CASCADE");
        // each constraint stays once tested: the foreign key needs the primary key
        for (int i = 0; i < constraints.size(); i++) {
            List<String> before = snapshot();
            AddConstraint add = new AddConstraint(schema, "group", constraints.get(i));

            apply(add);
            assertThat(constraints("group")).contains(expected.get(i));

            apply(add.reverse());
            assertThat(snapshot()).isEqualTo(before);
            apply(add);
        }
        assertThat(constraints("group")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void foreignKeyToATableInAnotherSchema() throws SQLException {
        String other = "Other " + schema;
        execute("CREATE SCHEMA " + dialect.quote(other));
        try {
            apply(new CreateTable(other, "user", List.of(column("id", bigint()).primaryKey()), List.of(), null));
            apply(new CreateTable(schema, "order", List.of(column("user", bigint())), List.of(), null));
            List<String> before = snapshot();
            AddConstraint add = new AddConstraint(schema, "order", foreignKey("fk_order_user", "user")
                    .references(other, "user", List.of("id")).onDelete(ReferentialAction.RESTRICT));

            apply(add);
            assertThat(constraints("order")).containsExactly("fk_order_user f FOREIGN KEY (\"user\") REFERENCES "
                    + dialect.quote(other) + ".\"user\"(id) ON DELETE RESTRICT");

            apply(add.reverse());
            assertThat(snapshot()).isEqualTo(before);
        } finally {
            execute("DROP SCHEMA " + dialect.quote(other) + " CASCADE");
        }
    }

    @Test
    void dropConstraintCarryingItsDefinitionIsReversed() throws SQLException {
        apply(orderTable());
        List<String> before = snapshot();
        DropConstraint drop = new DropConstraint(schema, "order", "uq order user",
                unique("uq order user", "user", "we\"ird"));

        apply(drop);
        assertThat(constraints("order")).noneMatch(c -> c.startsWith("uq order user"));

        apply(drop.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    // sequences

    @Test
    void createSequenceAndDropItAgain() throws SQLException {
        List<String> before = snapshot();
        CreateSequence create = new CreateSequence(schema, sequence("order").startWith(1000).incrementBy(50));

        apply(create);
        assertThat(snapshot()).contains("sequence order start 1000 increment 50");
        assertThat(query("SELECT nextval('" + dialect.qualify(schema, "order").replace("'", "''") + "')"))
                .containsExactly("1000");

        apply(create.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void sequencesStartingAtZeroOrCountingDownFromOneAreAccepted() throws SQLException {
        apply(new CreateSequence(schema, sequence("from zero").startWith(0)));
        apply(new CreateSequence(schema, sequence("down").incrementBy(-1)));
        assertThat(query("SELECT nextval('" + dialect.qualify(schema, "from zero").replace("'", "''") + "')"))
                .containsExactly("0");
        assertThat(query("SELECT nextval('" + dialect.qualify(schema, "down").replace("'", "''") + "')"))
                .containsExactly("1");
    }

    @Test
    void alterSequenceKeepsTheCurrentValueAndIsReversed() throws SQLException {
        CreateSequence create = new CreateSequence(schema, sequence("Seq").incrementBy(20));
        apply(create);
        String next = "SELECT nextval('" + dialect.qualify(schema, "Seq").replace("'", "''") + "')";
        assertThat(query(next)).containsExactly("1");
        List<String> before = snapshot();
        AlterSequence alter = new AlterSequence(schema, create.sequence(), sequence("Seq").startWith(1000).incrementBy(50));

        apply(alter);
        assertThat(snapshot()).contains("sequence Seq start 1000 increment 50");
        assertThat(query(next)).containsExactly("51");

        apply(alter.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void dropSequenceCarryingItsDefinitionIsReversed() throws SQLException {
        CreateSequence create = new CreateSequence(schema, sequence("Seq").startWith(-5).incrementBy(1));
        apply(create);
        List<String> before = snapshot();
        DropSequence drop = new DropSequence(schema, "Seq", create.sequence());

        apply(drop);
        assertThat(snapshot()).noneMatch(s -> s.startsWith("sequence Seq"));

        apply(drop.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    // data

    @Test
    void executeSqlAndItsReverse() throws SQLException {
        apply(orderTable());
        List<String> before = snapshot();
        String view = dialect.qualify(schema, "open orders");
        ExecuteSql execute = new ExecuteSql(
                "CREATE VIEW " + view + " AS SELECT id FROM " + dialect.qualify(schema, "order"),
                "DROP VIEW " + view);

        apply(execute);
        assertThat(tables()).contains("open orders");

        apply(execute.reverse());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void bulkInsertBindsEveryValue() throws SQLException {
        apply(new CreateTable(schema, "user", List.of(
                column("id", integer()).primaryKey(),
                column("name", text()),
                column("order", bool()).serverDefault("true")), List.of(), null));
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("id", 1);
        first.put("name", "O'Brien'); DROP TABLE x; --");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("order", false);
        second.put("id", 2);

        apply(new BulkInsert(schema, "user", List.of(first, second)));

        assertThat(query("SELECT id || '|' || coalesce(name, '<null>') || '|' || coalesce(\"order\"::text, '<null>') FROM "
                + dialect.qualify(schema, "user") + " ORDER BY id")).containsExactly(
                "1|O'Brien'); DROP TABLE x; --|<null>",
                "2|<null>|false");
    }

    // names

    @Test
    void everyWeirdNameSurvivesTheRoundTripThroughTheCatalogUnchanged() throws SQLException {
        List<String> names = List.of("order", "user", "Mixed Case", "we\"ird", "café", "1st", "a;b", "x--y",
                "time", "int", "ORDER", "$x", " padded ", "é".repeat(31) + "a", "a".repeat(63));
        for (String name : names) {
            apply(new CreateTable(schema, name, List.of(column(name, text())), List.of(), null));
        }
        assertThat(tables()).containsExactlyInAnyOrderElementsOf(names);
        for (String name : names) {
            assertThat(columns(name)).containsExactly(name + " text");
        }
    }

    @Test
    void everyKeywordTheServerReservesIsQuotedAndEveryOtherKeywordWorksBare() throws SQLException {
        List<String> needQuotes = query("SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T', 'C')");
        assertThat(needQuotes).isNotEmpty().allSatisfy(word ->
                assertThat(dialect.quote(word)).isEqualTo("\"" + word + "\""));

        List<String> unreserved = query("SELECT word FROM pg_get_keywords() WHERE catcode = 'U' ORDER BY word");
        List<Column> columns = unreserved.stream().map(word -> column(word, integer())).toList();
        CreateTable create = new CreateTable(schema, "unreserved", columns, List.of(), null);
        assertThat(dialect.render(create).get(0).sql()).contains("(abort integer, ").contains(" absolute integer, ");

        apply(create);
        assertThat(columns("unreserved")).hasSize(unreserved.size());
    }

    @Test
    void lifecycleOfATableWithReservedAndWeirdNamesUndoesCompletely() throws SQLException {
        List<String> before = snapshot();
        List<Operation> upgrade = List.of(
                new CreateTable(schema, "user", List.of(
                        column("id", bigint()).identity().primaryKey(),
                        column("group", text()).notNull()),
                        List.of(), "accounts"),
                new CreateTable(schema, "order", List.of(
                        column("id", bigint()).identity(),
                        column("user", bigint()).notNull()),
                        List.of(primaryKey("order pk", "id")), null),
                new AddColumn(schema, "order", column("Mixed Case", varchar(10)).comment("café's")),
                new AddColumn(schema, "order", column("we\"ird", integer()).serverDefault("1")),
                new AlterColumn(schema, "order", "Mixed Case", List.of(
                        type(varchar(10), text()), setNotNull(), serverDefault(null, "'x'"))),
                new RenameColumn(schema, "order", "we\"ird", "café"),
                new CreateIndex(schema, "order", index("order user idx", "user", "Mixed Case").unique()
                        .where("\"café\" > 0"), false),
                new AddConstraint(schema, "order", foreignKey("order → user", "user").references("user", "id")
                        .onDelete(ReferentialAction.CASCADE)),
                new AddConstraint(schema, "order", check("select", "\"café\" >= 0")),
                new RenameTable(schema, "order", "Order Line"),
                new CreateSequence(schema, sequence("time")),
                // a column nothing depends on: PostgreSQL drops a column's indexes and
                // constraints with it, and re-adding the column does not bring them back
                new AddColumn(schema, "Order Line", column("note", text()).comment("to be dropped")),
                new DropColumn(schema, "Order Line", "note", column("note", text()).comment("to be dropped")),
                new DropConstraint(schema, "Order Line", "order → user", foreignKey("order → user", "user")
                        .references("user", "id").onDelete(ReferentialAction.CASCADE)));
        for (Operation operation : upgrade) {
            apply(operation);
        }
        assertThat(tables()).contains("user", "Order Line", "time");
        assertThat(columns("Order Line")).containsExactlyInAnyOrder("id bigint not null identity d",
                "user bigint not null", "Mixed Case text not null default 'x'::text", "café integer default 1");
        assertThat(constraints("Order Line")).containsExactlyInAnyOrder(
                "order pk p PRIMARY KEY (id)", "select c CHECK ((\"café\" >= 0))");

        List<Operation> downgrade = new ArrayList<>();
        for (Operation operation : upgrade) {
            downgrade.add(operation.reverse());
        }
        Collections.reverse(downgrade);
        for (Operation operation : downgrade) {
            apply(operation);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    // running SQL

    private void apply(Operation operation) throws SQLException {
        catalog.apply(operation);
    }

    private void execute(String sql) throws SQLException {
        catalog.execute(sql);
    }

    private List<String> query(String sql, Object... parameters) throws SQLException {
        return catalog.query(sql, parameters);
    }

    private List<String> tables() throws SQLException {
        return catalog.tables();
    }

    private List<String> columns(String table) throws SQLException {
        return catalog.columns(table);
    }

    private List<String> constraints(String table) throws SQLException {
        return catalog.constraints(table);
    }

    private List<String> indexes() throws SQLException {
        return catalog.indexes();
    }

    private String tableComment(String table) throws SQLException {
        return catalog.tableComment(table);
    }

    private String columnComment(String table, String column) throws SQLException {
        return catalog.columnComment(table, column);
    }

    private List<String> snapshot() throws SQLException {
        return catalog.snapshot();
    }
}
