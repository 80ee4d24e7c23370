package dev.migrations.autogen.writer;

import static dev.migrations.api.Schema.bigint;
import static dev.migrations.api.Schema.bool;
import static dev.migrations.api.Schema.check;
import static dev.migrations.api.Schema.column;
import static dev.migrations.api.Schema.doublePrecision;
import static dev.migrations.api.Schema.foreignKey;
import static dev.migrations.api.Schema.index;
import static dev.migrations.api.Schema.integer;
import static dev.migrations.api.Schema.numeric;
import static dev.migrations.api.Schema.primaryKey;
import static dev.migrations.api.Schema.sequence;
import static dev.migrations.api.Schema.text;
import static dev.migrations.api.Schema.timestamp;
import static dev.migrations.api.Schema.timestamptz;
import static dev.migrations.api.Schema.unique;
import static dev.migrations.api.Schema.uuid;
import static dev.migrations.api.Schema.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.CodeBlock;
import dev.migrations.api.Migration;
import dev.migrations.api.Schema;
import dev.migrations.api.model.Column;
import dev.migrations.api.model.ColumnChange;
import dev.migrations.api.model.ReferentialAction;
import dev.migrations.api.model.SqlType;
import dev.migrations.api.operation.AddColumn;
import dev.migrations.api.operation.AddConstraint;
import dev.migrations.api.operation.AlterColumn;
import dev.migrations.api.operation.AlterSequence;
import dev.migrations.api.operation.CreateIndex;
import dev.migrations.api.operation.CreateSequence;
import dev.migrations.api.operation.CreateTable;
import dev.migrations.api.operation.DropColumn;
import dev.migrations.api.operation.DropConstraint;
import dev.migrations.api.operation.DropIndex;
import dev.migrations.api.operation.DropSequence;
import dev.migrations.api.operation.DropTable;
import dev.migrations.api.operation.Operation;
import dev.migrations.api.operation.RenameColumn;
import dev.migrations.api.operation.RenameTable;
import dev.migrations.api.operation.SetTableComment;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.source.RevisionCatalog;
import dev.migrations.script.MethodBody;
import dev.migrations.script.MigrationClassWriter;
import dev.migrations.script.RevisionMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated code is checked by compiling it and running it: the calls it makes must build the
 * very operations it was generated from.
 */
class OperationCodeTest {

    @TempDir
    Path project;

    private static final CreateTable ORDER = new CreateTable(null, "order", List.of(
            column("id", bigint()).identity().primaryKey(),
            column("customer_id", bigint()).notNull(),
            column("status", varchar(20)).notNull().serverDefault("'NEW'::character varying"),
            column("total", numeric(12, 2)).comment("in cents, \"gross\""),
            column("placed_at", timestamptz(6)),
            column("shipped", timestamp(6)),
            column("paid", bool()),
            column("weight", doublePrecision()),
            column("ref", uuid()),
            column("tags", SqlType.of("text[]")),
            column("code", SqlType.of("char", 3)),
            column("note", text())),
            List.of(unique("uk_order_ref", "ref"),
                    check("order_status_check", "((status)::text = ANY ((ARRAY['NEW'::character varying])::text[]))"),
                    foreignKey("fk_order_customer", "customer_id").references("customer", "id")
                            .onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.SET_NULL),
                    foreignKey("fk_order_region", "code").references("geo", "region", List.of("code"))),
            "orders \\ placed");

    private static final List<Operation> EVERY_OPERATION = List.of(
            new CreateSequence(null, sequence("order_seq").startWith(1).incrementBy(50)),
            new AlterSequence(null, sequence("order_seq").incrementBy(50), sequence("order_seq").startWith(7).incrementBy(5)),
            ORDER,
            new CreateTable(null, "pair", List.of(column("a", integer()).notNull(), column("b", integer()).notNull()),
                    List.of(primaryKey("pk_pair", "a", "b")), null),
            new CreateIndex(null, "order", index("ix_order_status", "status", "placed_at"), false),
            new CreateIndex(null, "order", index("ux_order_open", "customer_id").unique().where("(status = 'NEW')"), false),
            new AddColumn(null, "order", column("phone", varchar(32)).notNull().serverDefault("''::character varying")),
            new AlterColumn(null, "order", "note", List.of(
                    new ColumnChange.TypeChange(text(), varchar(500), null),
                    new ColumnChange.DefaultChange(null, "'x'::text"),
                    new ColumnChange.NullabilityChange(false),
                    new ColumnChange.CommentChange("old", null))),
            new AlterColumn(null, "order", "paid", List.of(new ColumnChange.NullabilityChange(true))),
            new AddConstraint(null, "order", unique("uk_order_phone", "phone")),
            new AddConstraint(null, "order", primaryKey("order_pkey", "id")),
            new AddConstraint(null, "order", check("ck_order_phone", "phone <> ''"), true),
            new SetTableComment(null, "order", null, "orders"),
            new SetTableComment(null, "order", "orders", "all orders"),
            new RenameTable(null, "order", "purchase"),
            new RenameColumn(null, "purchase", "note", "remark"),
            new DropConstraint(null, "purchase", "uk_order_phone", null),
            new DropIndex(null, null, "ix_order_status", null, false),
            new DropColumn(null, "purchase", "phone", null),
            new DropTable(null, "pair", null),
            new DropSequence(null, "order_seq", null));

    @Test
    void everyOperationRendersToCodeThatBuildsTheSameOperation() throws Exception {
        OperationCode code = new OperationCode(Map.of("order", "com.example.Order"), Map.of("customer.mail", "com.example.Customer.mail"));
        List<Operation> replayed = compileAndRun(code.body(EVERY_OPERATION));

        List<Operation> expected = new ArrayList<>();
        for (Operation operation : EVERY_OPERATION) {
            if (operation instanceof CreateTable create && create.comment() != null) {
                // the comment is a statement of its own in generated code
                expected.add(new CreateTable(null, create.table(), create.columns(), create.constraints(), null));
                expected.add(new SetTableComment(null, create.table(), null, create.comment()));
            } else {
                expected.add(operation);
            }
        }
        assertThat(replayed).isEqualTo(expected);
    }

    @Test
    void aBodyTooLargeForOneMethodIsSpreadOverPartsThatRunInOrder() throws Exception {
        // 500 tables of a dozen columns: far over the JVM's 64 KB per method as one body
        List<Operation> creates = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            List<Column> columns = new ArrayList<>();
            columns.add(column("id", bigint()).primaryKey());
            for (int c = 0; c < 11; c++) {
                columns.add(column("column_" + c, varchar(40)).notNull().serverDefault("'x'").comment("column " + c));
            }
            creates.add(new CreateTable(null, "table_" + i, columns, List.of(unique("uq_table_" + i, "column_0")), null));
        }
        MethodBody body = new OperationCode(Map.of(), Map.of()).body(creates);

        List<Operation> replayed = compileAndRun(body);

        assertThat(replayed).isEqualTo(creates);
        String source = new MigrationClassWriter("db.migrations").render(new RevisionMetadata("aaaaaaaaaaaa", List.of(),
                "big", LocalDateTime.of(2026, 1, 1, 10, 0), List.of(), List.of()), body, body).toString();
        int parts = (500 + MigrationClassWriter.OPERATIONS_PER_METHOD - 1) / MigrationClassWriter.OPERATIONS_PER_METHOD;
        assertThat(source).contains("// 500 operations in parts, in order: one method cannot hold them all")
                .contains("upgradePart1(op);").contains("upgradePart" + parts + "(op);")
                .contains("private void upgradePart" + parts + "(Operations op) {")
                .doesNotContain("upgradePart" + (parts + 1));
    }

    @Test
    void dropsRenderByNameWhileTheirDefinitionsGiveTheOtherDirection() throws Exception {
        List<Operation> drops = List.of(ORDER.reverse(), new DropColumn(null, "order", "note", column("note", text())));
        OperationCode code = new OperationCode(Map.of(), Map.of());
        String upgrade = code.body(drops).toString();
        assertThat(upgrade).contains("op.dropTable(\"order\");").contains("op.dropColumn(\"order\", \"note\");")
                .contains("// REVIEW [ban-drop-table]: drops table order with all its rows")
                .contains("// REVIEW [ban-drop-column]: drops column order.note with its values");
        List<Operation> back = compileAndRun(code.body(List.of(drops.get(1).reverse(), drops.get(0).reverse())));
        assertThat(back.get(0)).isEqualTo(new AddColumn(null, "order", column("note", text())));
        assertThat(back.get(1)).isEqualTo(new CreateTable(null, "order", ORDER.columns(), ORDER.constraints(), null));
    }

    @Test
    void createdTablesNameTheirMappingAndPossibleRenamesAreFlagged() {
        OperationCode code = new OperationCode(Map.of("order", "com.example.Order"), Map.of("customer.mail", "com.example.Customer.mail"));
        String body = code.body(List.of(ORDER,
                new AddColumn(null, "customer", column("mail", text())),
                new AddColumn(null, "customer", column("age", integer())),
                new DropColumn(null, "customer", "email", column("email", text())),
                new DropTable(null, "purchase", null))).toString();
        assertThat(body).contains("// com.example.Order\nop.createTable(\"order\",")
                .contains("// com.example.Customer.mail\nop.addColumn(\"customer\", column(\"mail\", text()));")
                .contains("// REVIEW [ban-drop-column]: drops column customer.email with its values; a release still"
                        + " running that uses it fails; mail is added: if it was renamed, replace the dropColumn and"
                        + " addColumn with op.renameColumn(\"customer\", \"email\", \"<new name>\") to keep its values\n")
                .doesNotContain("age is added")
                .contains("// REVIEW [ban-drop-table]: drops table purchase with all its rows; a release still running"
                        + " that uses it fails; order is created: if it was renamed");
    }

    @Test
    void narrowingATypeOrForbiddingNullsAsksForReview() {
        OperationCode code = new OperationCode(Map.of(), Map.of());
        assertThat(code.body(List.of(new AlterColumn(null, "t", "c",
                List.of(new ColumnChange.TypeChange(varchar(200), varchar(50), null))))).toString())
                .contains("// REVIEW [changing-column-type]: changes the type of t.c from varchar(200) to varchar(50)");
        assertThat(code.body(List.of(
                new AlterColumn(null, "t", "a", List.of(new ColumnChange.TypeChange(varchar(50), varchar(200), null))),
                new AlterColumn(null, "t", "b", List.of(new ColumnChange.TypeChange(numeric(10, 2), numeric(12, 2), null))),
                new AlterColumn(null, "t", "d", List.of(new ColumnChange.TypeChange(varchar(50), text(), null)))))
                .toString()).as("widening in place keeps every row as it is").doesNotContain("REVIEW");
        assertThat(code.body(List.of(new AlterColumn(null, "t", "c",
                List.of(new ColumnChange.TypeChange(integer(), bigint(), null))))).toString())
                .as("a wider integer keeps every value, in a rewritten table")
                .contains("// REVIEW [changing-column-type]: changes the type of t.c from integer to bigint: keeps every"
                        + " value, but rewrites the table");
        assertThat(code.body(List.of(new AlterColumn(null, "t", "c",
                List.of(new ColumnChange.TypeChange(numeric(12, 2), numeric(12, 4), null))))).toString())
                .as("more scale, fewer integer digits").contains("REVIEW");
        assertThat(code.body(List.of(new AlterColumn(null, "t", "c",
                List.of(new ColumnChange.NullabilityChange(false))))).toString())
                .contains("// REVIEW [adding-not-nullable-field]: t.c becomes NOT NULL");
        assertThat(code.body(List.of(new AddColumn(null, "t", column("c", integer()).notNull()))).toString())
                .contains("without a default");
        assertThat(code.body(List.of(new AddColumn(null, "t", column("c", integer()).notNull().serverDefault("0"))))
                .toString()).doesNotContain("REVIEW");
    }

    @Test
    void aDowngradeThatNarrowsIsReviewedWhereItNarrows() {
        OperationCode code = new OperationCode(Map.of(), Map.of());
        AlterColumn widened = new AlterColumn(null, "t", "c",
                List.of(new ColumnChange.TypeChange(varchar(50), varchar(200), null)));
        // the upgrade widens, so its reverse narrows: the note is in the downgrade
        assertThat(code.body(List.of(widened)).toString()).doesNotContain("REVIEW");
        assertThat(code.body(List.of(widened.reverse())).toString())
                .contains("changes the type of t.c from varchar(200) to varchar(50); a value that does not convert fails it");
    }

    @Test
    void rebuildingAKeyOrAnIndexInAnotherShapeAsksForReview() {
        OperationCode code = new OperationCode(Map.of(), Map.of());
        String keys = code.body(List.of(
                new DropConstraint(null, "product_category", "product_category_pkey",
                        primaryKey("product_category_pkey", "product_id", "category_id")),
                new AddConstraint(null, "product_category",
                        primaryKey("product_category_pkey", "category_id", "product_id")),
                new DropConstraint(null, "customer", "uq_customer_email", unique("uq_customer_email", "email")),
                new AddConstraint(null, "customer", unique("uq_customer_email", "email", "tenant")),
                new DropIndex(null, "customer", "ix_customer_name", index("ix_customer_name", "last_name"), false),
                new CreateIndex(null, "customer", index("ix_customer_name", "last_name", "first_name"), false)))
                .toString();
        assertThat(keys).contains("// REVIEW [disallowed-unique-constraint]: adds the primary key of product_category"
                        + " on (category_id, product_id)")
                .contains("// REVIEW [disallowed-unique-constraint]: adds unique constraint uq_customer_email of customer"
                        + " on (email, tenant)")
                .contains("// REVIEW [require-concurrent-index-creation]: creates index ix_customer_name on customer"
                        + " (last_name, first_name) without CONCURRENTLY");
        // on a table the same revision creates, nothing is locked that anyone waits for
        assertThat(code.body(List.of(new CreateTable(null, "customer", List.of(column("id", bigint()),
                        column("email", text()), column("last_name", text())), List.of(), null),
                new AddConstraint(null, "customer", unique("uq_email", "email")),
                new CreateIndex(null, "customer", index("ix_name", "last_name"), false))).toString())
                .doesNotContain("REVIEW");
    }

    @Test
    void everyOperationOnAMappedColumnNamesItsAttribute() {
        OperationCode code = new OperationCode(Map.of(), Map.of("customer.email", "com.example.Customer.email",
                "customer.tenant", "com.example.Customer.tenant"));
        String body = code.body(List.of(
                new AlterColumn(null, "customer", "email", List.of(new ColumnChange.NullabilityChange(true))),
                new DropConstraint(null, "customer", "uq_email", unique("uq_email", "email")),
                new AddConstraint(null, "customer", unique("uq_email_tenant", "email", "tenant")),
                new DropColumn(null, "customer", "gone", column("gone", text())))).toString();
        assertThat(body).contains("// com.example.Customer.email\nop.alterColumn(\"customer\", \"email\"")
                .contains("// com.example.Customer.email\nop.dropConstraint(\"uq_email\", \"customer\")")
                .contains("// com.example.Customer.email, com.example.Customer.tenant\nop.addConstraint(\"customer\"")
                .doesNotContain("// com.example.Customer.gone");
    }

    @Test
    void namesInCommentsCannotEndTheCommentAndAddCode() throws Exception {
        // a line break, literal or as a unicode escape that javac decodes before comments
        OperationCode code = new OperationCode(Map.of("order", "com.example.Order\nop.dropTable(\"victim\");"),
                Map.of("customer.mail", "com.example.Customer.mail \\u000a op.dropTable(\"victim\");"));
        List<Operation> operations = List.of(
                new CreateTable(null, "order", List.of(column("id", bigint()).primaryKey()), List.of(), null),
                new AddColumn(null, "customer", column("mail", varchar(100))));

        assertThat(compileAndRun(code.body(operations))).isEqualTo(operations);
    }

    @Test
    void arraysWidenWhenTheirElementsDo() {
        OperationCode code = new OperationCode(Map.of(), Map.of());
        assertThat(code.body(List.of(new AlterColumn(null, "t", "tags", List.of(
                Schema.type(SqlType.of("varchar[]", 20), SqlType.of("varchar[]", 30)))))).toString())
                .contains("keeps every value, but rewrites").doesNotContain("does not convert");
        assertThat(code.body(List.of(new AlterColumn(null, "t", "ids", List.of(
                Schema.type(SqlType.of("integer[]"), SqlType.of("bigint[]")))))).toString())
                .contains("keeps every value, but rewrites").doesNotContain("does not convert");
        assertThat(code.body(List.of(new AlterColumn(null, "t", "tags", List.of(
                Schema.type(SqlType.of("varchar[]", 30), SqlType.of("varchar[]", 20)))))).toString())
                .contains("REVIEW [changing-column-type]: changes the type of t.tags from varchar(30)[] to varchar(20)[];"
                        + " a value that does not convert");
    }

    @Test
    void theSameOperationsRenderTheSameCode() {
        OperationCode code = new OperationCode(Map.of("order", "com.example.Order"), Map.of("customer.mail", "com.example.Customer.mail"));
        assertThat(code.body(EVERY_OPERATION).toString()).isEqualTo(code.body(List.copyOf(EVERY_OPERATION)).toString());
        assertThat(OperationCode.type(numeric(10, 2)).toString()).isEqualTo("numeric(10, 2)");
        assertThat(OperationCode.type(varchar(255)).toString()).isEqualTo("varchar(255)");
        assertThat(OperationCode.type(SqlType.of("timestamp with time zone", 6)).toString()).isEqualTo("timestamptz(6)");
        assertThat(OperationCode.type(SqlType.of("double precision")).toString()).isEqualTo("doublePrecision()");
        assertThat(OperationCode.type(SqlType.of("oid")).toString()).isEqualTo("type(\"oid\")");
    }

    /** Writes a migration with {@code body} as its upgrade, compiles it, and records what upgrade() does. */
    private List<Operation> compileAndRun(MethodBody body) throws Exception {
        Path sources = project.resolve("src/main/migrations" + System.nanoTime());
        RevisionMetadata revision = new RevisionMetadata("aaaaaaaaaaaa", List.of(), "generated",
                LocalDateTime.of(2026, 1, 1, 10, 0), List.of(), List.of());
        Path file = new MigrationClassWriter("db.migrations").write(sources, revision, body,
                MethodBody.of(CodeBlock.of("// nothing\n")));
        assertThat(Files.readString(file)).contains("import static dev.migrations.api.Schema.*;");
        RevisionCatalog catalog = RevisionCatalog.load(sources, "db.migrations",
                project.resolve("classes" + System.nanoTime()), EngineLog.SILENT);
        Migration migration = catalog.revision("aaaaaaaaaaaa").instantiate();
        List<Operation> recorded = new ArrayList<>();
        migration.upgrade(recorded::add);
        return recorded;
    }
}
