package dev.migrations.autogen.diff;

import static dev.migrations.api.Schema.bigint;
import static dev.migrations.api.Schema.check;
import static dev.migrations.api.Schema.column;
import static dev.migrations.api.Schema.foreignKey;
import static dev.migrations.api.Schema.index;
import static dev.migrations.api.Schema.integer;
import static dev.migrations.api.Schema.numeric;
import static dev.migrations.api.Schema.primaryKey;
import static dev.migrations.api.Schema.sequence;
import static dev.migrations.api.Schema.text;
import static dev.migrations.api.Schema.unique;
import static dev.migrations.api.Schema.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.api.model.Column;
import dev.migrations.api.model.ColumnChange;
import dev.migrations.api.model.Constraint;
import dev.migrations.api.model.Index;
import dev.migrations.api.model.ReferentialAction;
import dev.migrations.api.model.Sequence;
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
import dev.migrations.api.operation.SetTableComment;
import dev.migrations.autogen.schema.SchemaSnapshot;
import dev.migrations.autogen.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDifferTest {

    private static final Column ID = column("id", bigint()).notNull();

    private static Table table(String name, List<Column> columns, List<Constraint.ForeignKey> foreignKeys) {
        return new Table(name, columns, new Constraint.PrimaryKey(name + "_pkey", List.of("id")), List.of(), List.of(),
                foreignKeys, List.of(), null);
    }

    private static Table table(String name, Column... columns) {
        List<Column> all = new ArrayList<>();
        all.add(ID);
        all.addAll(List.of(columns));
        return table(name, all, List.of());
    }

    private static SchemaSnapshot schema(Table... tables) {
        return SchemaSnapshot.of("public", List.of(tables), List.of());
    }

    private static Constraint.ForeignKey fk(String name, String column, String target) {
        return foreignKey(name, column).references(target, "id");
    }

    private static List<String> described(List<Operation> operations) {
        return operations.stream().map(Operation::describe).toList();
    }

    @Test
    void equalSchemasHaveNoDifferences() {
        Table customer = table("customer", column("email", varchar(255)).notNull());
        assertThat(SchemaDiffer.diff(schema(customer), schema(customer))).isEmpty();
    }

    @Test
    void constraintsAndIndexesUnderOtherNamesButTheSameShapeAreNotDifferences() {
        Table written = new Table("customer", List.of(ID, column("email", text())),
                primaryKey("pk_customer", "id"), List.of(unique("uq_email", "email")),
                List.of(check("ck_email", "(length(email) > 3)")), List.of(), List.of(index("ix_email", "email")), null);
        Table model = new Table("customer", List.of(ID, column("email", text())),
                primaryKey("customer_pkey", "id"), List.of(unique("ukabc123", "email")),
                List.of(check("customer_email_check", "(length(email) > 3)")), List.of(),
                List.of(index("idx_customer_email", "email")), null);
        assertThat(SchemaDiffer.diff(schema(written), schema(model))).isEmpty();
    }

    @Test
    void newTablesComeBeforeTheTablesThatPointAtThemAndCarryTheirKeysInline() {
        Table line = table("order_line", List.of(ID, column("order_id", bigint())), List.of(fk("fk_line_order", "order_id", "order")));
        Table order = table("order", List.of(ID, column("customer_id", bigint())), List.of(fk("fk_order_customer", "customer_id", "customer")));
        Table customer = table("customer");
        List<Operation> operations = SchemaDiffer.diff(schema(), schema(line, order, customer));
        assertThat(described(operations)).containsExactly("create table customer", "create table order",
                "create table order_line");
        CreateTable created = (CreateTable) operations.get(2);
        assertThat(created.constraints()).contains(fk("fk_line_order", "order_id", "order"));
        // the single-column key under PostgreSQL's own name is written on its column
        assertThat(created.columns().get(0).isPrimaryKey()).isTrue();
        assertThat(created.constraints()).noneMatch(Constraint.PrimaryKey.class::isInstance);
    }

    @Test
    void tablesInAForeignKeyCycleGetTheClosingKeyAfterBothExist() {
        Table a = table("a", List.of(ID, column("b_id", bigint())), List.of(fk("fk_a_b", "b_id", "b")));
        Table b = table("b", List.of(ID, column("a_id", bigint())), List.of(fk("fk_b_a", "a_id", "a")));
        List<Operation> operations = SchemaDiffer.diff(schema(), schema(a, b));
        assertThat(described(operations)).containsExactly("create table a", "create table b",
                "add foreign key fk_a_b to a");
        assertThat(((CreateTable) operations.get(1)).constraints()).contains(fk("fk_b_a", "a_id", "a"));

        // and dropping them undoes the same way: the closing key first, then the tables
        List<Operation> drops = SchemaDiffer.diff(schema(a, b), schema());
        assertThat(described(drops)).containsExactly("drop constraint fk_a_b from a", "drop table b", "drop table a");
        assertThat(replay(drops)).isEqualTo(schemaKeys(a, b));
    }

    @Test
    void droppedTablesGoAfterWhatPointsAtThemAndCarryTheirWholeDefinition() {
        Index byEmail = index("ix_customer_email", "email");
        Table customer = new Table("customer", List.of(ID, column("email", varchar(100)).notNull()),
                primaryKey("customer_pkey", "id"), List.of(), List.of(), List.of(), List.of(byEmail), "who buys");
        Table order = table("order", List.of(ID, column("customer_id", bigint())),
                List.of(fk("fk_order_customer", "customer_id", "customer").onDelete(ReferentialAction.CASCADE)));
        List<Operation> operations = SchemaDiffer.diff(schema(customer, order), schema());
        assertThat(described(operations)).containsExactly("drop table order", "drop index ix_customer_email",
                "drop table customer");
        DropTable dropCustomer = (DropTable) operations.get(2);
        assertThat(dropCustomer.definition().comment()).isEqualTo("who buys");
        assertThat(dropCustomer.definition().columns()).extracting(Column::name).containsExactly("id", "email");
        assertThat(((DropTable) operations.get(0)).definition().constraints())
                .contains(fk("fk_order_customer", "customer_id", "customer").onDelete(ReferentialAction.CASCADE));
    }

    @Test
    void columnChangesCarryTheStateBeforeSoThatTheyReverse() {
        Table before = table("product", column("name", varchar(50)), column("price", numeric(10, 2)).notNull(),
                column("stock", integer()).notNull().serverDefault("0"));
        Table after = table("product", column("name", varchar(200)).notNull().serverDefault("'n/a'::character varying"),
                column("price", numeric(12, 2)), column("stock", integer()).notNull().serverDefault("0"));
        List<Operation> operations = SchemaDiffer.diff(schema(before), schema(after));
        assertThat(operations).containsExactly(
                new AlterColumn(null, "product", "name", List.of(
                        new ColumnChange.TypeChange(varchar(50), varchar(200), null),
                        new ColumnChange.DefaultChange(null, "'n/a'::character varying"),
                        new ColumnChange.NullabilityChange(false))),
                new AlterColumn(null, "product", "price", List.of(
                        new ColumnChange.TypeChange(numeric(10, 2), numeric(12, 2), null),
                        new ColumnChange.NullabilityChange(true))));
        // the way back changes the same things (reverse() also reverses the order of the changes)
        List<Operation> back = SchemaDiffer.diff(schema(after), schema(before));
        List<Operation> reversed = reverse(operations);
        assertThat(back).hasSameSizeAs(reversed);
        for (Operation operation : back) {
            AlterColumn alter = (AlterColumn) operation;
            AlterColumn undo = reversed.stream().map(AlterColumn.class::cast)
                    .filter(r -> r.column().equals(alter.column())).findFirst().orElseThrow();
            assertThat(alter.changes()).containsExactlyInAnyOrderElementsOf(undo.changes());
        }
    }

    @Test
    void aDroppedColumnLosesItsIndexesAndKeysFirstSoThatTheWayBackRestoresThem() {
        Table before = new Table("order", List.of(ID, column("customer_id", bigint()), column("note", text())),
                primaryKey("order_pkey", "id"), List.of(unique("uk_order_customer", "customer_id")), List.of(),
                List.of(fk("fk_order_customer", "customer_id", "customer")), List.of(index("ix_order_customer", "customer_id")),
                null);
        Table after = table("order", column("note", text()), column("placed_at", bigint()));
        Table customer = table("customer");
        List<Operation> operations = SchemaDiffer.diff(schema(before, customer), schema(after, customer));
        assertThat(described(operations)).containsExactly(
                "drop constraint fk_order_customer from order",
                "drop constraint uk_order_customer from order",
                "drop index ix_order_customer",
                "add column placed_at to order",
                "drop column customer_id from order");
        assertThat(operations.get(4)).isEqualTo(new DropColumn(null, "order", "customer_id", column("customer_id", bigint())));
        List<Operation> back = reverse(operations);
        assertThat(described(back)).containsExactly("add column customer_id to order", "drop column placed_at from order",
                "create index ix_order_customer on order", "add unique constraint uk_order_customer to order",
                "add foreign key fk_order_customer to order");
    }

    @Test
    void keysIndexesAndChecksChangedInPlaceAreDroppedAndCreated() {
        Table before = new Table("t", List.of(ID, column("a", integer()), column("b", integer())),
                primaryKey("t_pkey", "id"), List.of(unique("uk_t", "a")), List.of(check("ck_t", "(a > 0)")), List.of(),
                List.of(index("ix_t", "a")), null);
        Table after = new Table("t", List.of(ID, column("a", integer()), column("b", integer())),
                primaryKey("t_pkey", "id", "a"), List.of(unique("uk_t", "a", "b")), List.of(check("ck_t", "(a > 1)")),
                List.of(), List.of(index("ix_t", "a").unique()), null);
        List<Operation> operations = SchemaDiffer.diff(schema(before), schema(after));
        assertThat(operations).hasSize(8);
        assertThat(operations.subList(0, 4)).allMatch(o -> o instanceof DropConstraint || o instanceof DropIndex);
        assertThat(operations.subList(4, 8)).allMatch(o -> o instanceof AddConstraint || o instanceof CreateIndex);
        assertThat(SchemaDiffer.diff(schema(after), schema(before))).containsExactlyInAnyOrderElementsOf(reverse(operations));
    }

    @Test
    void newForeignKeysOnExistingTablesComeAfterTheTablesTheyPointAt() {
        Table order = table("order", column("coupon_id", bigint()));
        Table orderWithKey = table("order", List.of(ID, column("coupon_id", bigint())), List.of(fk("fk_coupon", "coupon_id", "coupon")));
        Table coupon = table("coupon");
        List<Operation> operations = SchemaDiffer.diff(schema(order), schema(orderWithKey, coupon));
        assertThat(described(operations)).containsExactly("create table coupon", "add foreign key fk_coupon to order");
    }

    @Test
    void sequencesAndCommentsAreCompared() {
        Sequence ids = sequence("customer_seq").incrementBy(50);
        SchemaSnapshot before = SchemaSnapshot.of("public", List.of(table("customer")), List.of(sequence("old_seq")));
        Table commented = new Table("customer", List.of(ID.comment("the key")), primaryKey("customer_pkey", "id"),
                List.of(), List.of(), List.of(), List.of(), "people");
        SchemaSnapshot after = SchemaSnapshot.of("public", List.of(commented), List.of(ids));
        List<Operation> operations = SchemaDiffer.diff(before, after);
        assertThat(operations).containsExactly(
                new CreateSequence(null, ids),
                new AlterColumn(null, "customer", "id", List.of(new ColumnChange.CommentChange(null, "the key"))),
                new SetTableComment(null, "customer", null, "people"),
                new DropSequence(null, "old_seq", sequence("old_seq")));
    }

    @Test
    void aForeignKeyOnEitherEndOfARetypedColumnIsDroppedBeforeAndAddedAfter() {
        Column uuidId = column("id", varchar(255)).notNull();
        Table author = table("author", List.of(ID), List.of());
        Table book = table("book", List.of(ID, column("author_id", bigint())),
                List.of(fk("fk_book_author", "author_id", "author")));
        Table authorAfter = table("author", List.of(uuidId), List.of());
        Table bookAfter = table("book", List.of(ID, column("author_id", varchar(255))),
                List.of(fk("fk_book_author", "author_id", "author")));

        List<Operation> operations = SchemaDiffer.diff(schema(author, book), schema(authorAfter, bookAfter));

        assertThat(described(operations)).containsExactly("drop constraint fk_book_author from book",
                "alter column id of author", "alter column author_id of book", "add foreign key fk_book_author to book");
        // a key whose columns keep their types stays
        Table other = table("note", List.of(ID, column("book_id", bigint())),
                List.of(fk("fk_note_book", "book_id", "book")));
        assertThat(described(SchemaDiffer.diff(schema(author, book, other), schema(authorAfter, bookAfter, other))))
                .doesNotContain("drop constraint fk_note_book from note");
    }

    @Test
    void aNewTablesForeignKeyToColumnsThatBecomeUniqueWaitsForTheirKey() {
        Table part = table("part", column("code", varchar(20)));
        Table partWithKey = new Table("part", List.of(ID, column("code", varchar(20))),
                new Constraint.PrimaryKey("part_pkey", List.of("id")), List.of(unique("part_code_key", "code")),
                List.of(), List.of(), List.of(), null);
        Table use = table("part_use", List.of(ID, column("part_code", varchar(20))),
                List.of(foreignKey("fk_use_part", "part_code").references("part", "code")));

        List<Operation> operations = SchemaDiffer.diff(schema(part), schema(partWithKey, use));

        assertThat(described(operations)).containsExactly("create table part_use",
                "add unique constraint part_code_key to part", "add foreign key fk_use_part to part_use");
    }

    @Test
    void aSequenceWhoseIncrementOrStartChangedIsAlteredNotDroppedAndCreated() {
        SchemaSnapshot live = SchemaSnapshot.of("public", List.of(), List.of(sequence("order_seq").incrementBy(20)));
        SchemaSnapshot model = SchemaSnapshot.of("public", List.of(),
                List.of(sequence("order_seq").startWith(1000).incrementBy(50)));

        assertThat(SchemaDiffer.diff(live, model)).containsExactly(new AlterSequence(null,
                sequence("order_seq").incrementBy(20), sequence("order_seq").startWith(1000).incrementBy(50)));
        assertThat(SchemaDiffer.diff(live, live)).isEmpty();
    }

    @Test
    void theSameDifferencesGiveTheSameOperationsInTheSameOrder() {
        Table a = table("a", column("x", integer()));
        Table b = table("b", column("y", integer()));
        List<Operation> first = SchemaDiffer.diff(schema(a), schema(b, table("c")));
        List<Operation> second = SchemaDiffer.diff(schema(a), schema(table("c"), b));
        assertThat(first).isEqualTo(second);
        assertThat(first.stream().filter(AddColumn.class::isInstance)).isEmpty();
    }

    private static List<Operation> reverse(List<Operation> operations) {
        List<Operation> reversed = new ArrayList<>();
        operations.forEach(o -> reversed.add(o.reverse()));
        Collections.reverse(reversed);
        return reversed;
    }

    /** The tables the reversed drops re-create, with their constraints (inline or added). */
    private static List<String> replay(List<Operation> drops) {
        List<String> keys = new ArrayList<>();
        for (Operation operation : reverse(drops)) {
            if (operation instanceof CreateTable create) {
                keys.add(create.table());
                create.constraints().stream().filter(Constraint.ForeignKey.class::isInstance)
                        .forEach(c -> keys.add(create.table() + ":" + c.name()));
            } else if (operation instanceof AddConstraint add) {
                keys.add(add.table() + ":" + add.constraint().name());
            }
        }
        Collections.sort(keys);
        return keys;
    }

    private static List<String> schemaKeys(Table... tables) {
        List<String> keys = new ArrayList<>();
        for (Table table : tables) {
            keys.add(table.name());
            table.foreignKeys().forEach(fk -> keys.add(table.name() + ":" + fk.name()));
        }
        Collections.sort(keys);
        return keys;
    }
}
