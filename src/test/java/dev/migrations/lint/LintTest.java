package dev.migrations.lint;

import static dev.migrations.api.Schema.bigint;
import static dev.migrations.api.Schema.check;
import static dev.migrations.api.Schema.column;
import static dev.migrations.api.Schema.foreignKey;
import static dev.migrations.api.Schema.index;
import static dev.migrations.api.Schema.integer;
import static dev.migrations.api.Schema.numeric;
import static dev.migrations.api.Schema.primaryKey;
import static dev.migrations.api.Schema.setNotNull;
import static dev.migrations.api.Schema.text;
import static dev.migrations.api.Schema.timestamptz;
import static dev.migrations.api.Schema.type;
import static dev.migrations.api.Schema.unique;
import static dev.migrations.api.Schema.uuid;
import static dev.migrations.api.Schema.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.AllowLint;
import dev.migrations.api.Operations;
import dev.migrations.api.model.SqlType;
import dev.migrations.api.operation.DropTable;
import dev.migrations.api.operation.Operation;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each rule fires on the dangerous operation and stays quiet on its safe variant. */
class LintTest {

    /** The operations a migration body writes to {@code op}, recorded as the engine records them. */
    private static List<Operation> revision(Consumer<Operations> body) {
        List<Operation> recorded = new ArrayList<>();
        body.accept(recorded::add);
        return recorded;
    }

    private static List<String> rules(Consumer<Operations> body) {
        return Lint.findings(revision(body), TableFacts.NONE).stream().map(Finding::rule).toList();
    }

    /** The same operations, after the table was created earlier in the same revision. */
    private static Consumer<Operations> onNewTable(Consumer<Operations> body) {
        return op -> {
            op.createTable("customer", column("id", bigint()).primaryKey(), column("name", text()),
                    column("email", varchar(200)));
            op.createTable("account", column("id", bigint()).primaryKey());
            body.accept(op);
        };
    }

    private static void firesOnlyOnExistingTables(String rule, Consumer<Operations> dangerous) {
        assertThat(rules(dangerous)).as(rule).containsExactly(rule);
        assertThat(rules(onNewTable(dangerous))).as(rule + " on a table of the same revision").isEmpty();
    }

    @Test
    void addingRequiredField() {
        firesOnlyOnExistingTables("adding-required-field", op -> op.addColumn("customer", column("age", integer()).notNull()));
        assertThat(rules(op -> op.addColumn("customer", column("age", integer()).notNull().serverDefault("0")))).isEmpty();
        assertThat(rules(op -> op.addColumn("customer", column("age", integer())))).isEmpty();
    }

    @Test
    void addingFieldWithDefault() {
        firesOnlyOnExistingTables("adding-field-with-default",
                op -> op.addColumn("customer", column("token", uuid()).serverDefault("gen_random_uuid()")));
        firesOnlyOnExistingTables("adding-field-with-default",
                op -> op.addColumn("customer", column("number", bigint()).identity()));
        // a stable or constant default is stored once in the catalog since PostgreSQL 11
        assertThat(rules(op -> op.addColumn("customer", column("seen", timestamptz()).serverDefault("now()")))).isEmpty();
        assertThat(rules(op -> op.addColumn("customer", column("state", text()).serverDefault("'new'")))).isEmpty();
    }

    @Test
    void addingNotNullableField() {
        firesOnlyOnExistingTables("adding-not-nullable-field", op -> op.alterColumn("customer", "name", setNotNull()));
        assertThat(rules(op -> op.alterColumn("customer", "name", type(text(), varchar())))).isEmpty();
    }

    @Test
    void changingColumnType() {
        firesOnlyOnExistingTables("changing-column-type",
                op -> op.alterColumn("customer", "email", type(varchar(200), varchar(50))));
        assertThat(message(op -> op.alterColumn("customer", "email", type(varchar(200), varchar(50)))))
                .contains("a value that does not convert fails it");
        assertThat(message(op -> op.alterColumn("customer", "id", type(integer(), bigint()))))
                .contains("keeps every value, but rewrites the table");
        assertThat(message(op -> op.alterColumn("customer", "id", type(bigint()))))
                .contains("from a type it does not name");
        // binary compatible: no row is read or written
        assertThat(rules(op -> {
            op.alterColumn("customer", "email", type(varchar(50), varchar(200)));
            op.alterColumn("customer", "name", type(varchar(50), text()));
            op.alterColumn("customer", "note", type(text(), varchar()));
            op.alterColumn("customer", "price", type(numeric(10, 2), numeric(12, 2)));
            op.alterColumn("customer", "seen", type(timestamptz(3), timestamptz(6)));
        })).isEmpty();
    }

    @Test
    void typeConversionsKeepValuesAndRewriteApart() {
        assertThat(TypeConversion.keepsEveryValue(integer(), bigint())).isTrue();
        assertThat(TypeConversion.rewritesTable(integer(), bigint())).isTrue();
        assertThat(TypeConversion.keepsEveryValue(numeric(12, 2), numeric(12, 4))).as("fewer integer digits").isFalse();
        assertThat(TypeConversion.rewritesTable(numeric(12, 2), numeric(14, 4))).as("another scale").isTrue();
        assertThat(TypeConversion.keepsEveryValue(SqlType.of("varchar[]", 20), SqlType.of("varchar[]", 30))).isTrue();
        assertThat(TypeConversion.keepsEveryValue(SqlType.of("varchar[]", 30), SqlType.of("varchar[]", 20))).isFalse();
        assertThat(TypeConversion.rewritesTable(text(), varchar(20))).isTrue();
    }

    @Test
    void requireConcurrentIndexCreation() {
        firesOnlyOnExistingTables("require-concurrent-index-creation",
                op -> op.createIndex("customer", index("ix_customer_name", "name")));
        assertThat(rules(op -> op.createIndexConcurrently("customer", index("ix_customer_name", "name")))).isEmpty();
    }

    @Test
    void disallowedUniqueConstraint() {
        firesOnlyOnExistingTables("disallowed-unique-constraint",
                op -> op.addConstraint("customer", unique("uq_customer_email", "email")));
        firesOnlyOnExistingTables("disallowed-unique-constraint",
                op -> op.addConstraint("customer", primaryKey("customer_pkey", "id")));
        assertThat(rules(op -> op.createIndexConcurrently("customer", index("uq_customer_email", "email").unique())))
                .isEmpty();
    }

    @Test
    void constraintMissingNotValid() {
        firesOnlyOnExistingTables("constraint-missing-not-valid",
                op -> op.addConstraint("account", foreignKey("fk_account_customer", "id").references("customer", "id")));
        firesOnlyOnExistingTables("constraint-missing-not-valid",
                op -> op.addConstraint("customer", check("ck_customer_name", "name <> ''")));
        assertThat(rules(op -> {
            op.addConstraintNotValid("account", foreignKey("fk_account_customer", "id").references("customer", "id"));
            op.addConstraintNotValid("customer", check("ck_customer_name", "name <> ''"));
        })).isEmpty();
    }

    @Test
    void banDropColumnSaysWhenItMayBeARename() {
        firesOnlyOnExistingTables("ban-drop-column", op -> op.dropColumn("customer", column("email", text())));
        assertThat(message(op -> {
            op.addColumn("customer", column("mail", text()));
            op.addColumn("customer", column("age", integer()));
            op.dropColumn("customer", column("email", text()));
        })).contains("mail is added: if it was renamed").doesNotContain("age")
                .contains("op.renameColumn(\"customer\", \"email\", \"<new name>\")");
        assertThat(rules(op -> op.addColumn("customer", column("email", text())))).isEmpty();
    }

    @Test
    void banDropTableSaysWhenItMayBeARename() {
        firesOnlyOnExistingTables("ban-drop-table", op -> op.dropTable("account"));
        List<Finding> findings = Lint.findings(revision(op -> {
            op.createTable("order", column("id", bigint()).primaryKey());
            op.dropTable("purchase");
        }), TableFacts.NONE);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.index()).isEqualTo(1);
            assertThat(f.operation()).isEqualTo(new DropTable(null, "purchase", null));
            assertThat(f.message()).contains("order is created: if it was renamed")
                    .contains("op.renameTable(\"purchase\", \"<new name>\")");
        });
    }

    @Test
    void renamingColumnAndTable() {
        firesOnlyOnExistingTables("renaming-column", op -> op.renameColumn("customer", "email", "mail"));
        firesOnlyOnExistingTables("renaming-table", op -> op.renameTable("customer", "client"));
        assertThat(rules(op -> op.addColumn("customer", column("mail", text())))).isEmpty();
    }

    @Test
    void theLiveTableSizeIsSaid() {
        Consumer<Operations> index = op -> op.createIndex("customer", index("ix_customer_name", "name"));
        TableFacts big = new TableFacts(Map.of("public.customer", new TableSize(1_468_006, 12_000)), "public");
        TableFacts empty = new TableFacts(Map.of("public.customer", new TableSize(0, 0)), "public");
        TableFacts unanalyzed = new TableFacts(Map.of("app.customer", new TableSize(8192, -1)), "app");
        assertThat(Lint.findings(revision(index), big).get(0).message()).endsWith("(customer: about 12,000 rows, 1.4 MB)");
        assertThat(Lint.findings(revision(index), empty).get(0).message()).endsWith("(customer is empty now)");
        assertThat(Lint.findings(revision(index), unanalyzed).get(0).message())
                .endsWith("(customer: 8.0 kB, not analyzed yet)");
        assertThat(Lint.findings(revision(op -> op.inSchema("other").createIndex("customer", index("ix", "name"))), big)
                .get(0).message()).as("another schema's table of that name").doesNotContain("12,000");
    }

    @Test
    void anAllowanceAcceptsItsRuleOnly() {
        List<Operation> operations = revision(op -> {
            op.createIndex("customer", index("ix_customer_name", "name"));
            op.dropTable("purchase");
        });
        Lint.Result result = Lint.check(operations, TableFacts.NONE,
                List.of(allow("require-concurrent-index-creation", "customer is empty until the release")));
        assertThat(result.allowed()).extracting(Finding::rule).containsExactly("require-concurrent-index-creation");
        assertThat(result.reported()).extracting(Finding::rule).containsExactly("ban-drop-table");
    }

    @Test
    void anAllowanceNeedsAKnownRuleAndAReason() {
        assertThatThrownBy(() -> Lint.check(List.of(), TableFacts.NONE, List.of(allow("ban-drop-colum", "gone"))))
                .hasMessageStartingWith("@AllowLint(rule = \"ban-drop-colum\") names no lint rule; use one of ")
                .hasMessageContaining("ban-drop-column");
        assertThatThrownBy(() -> Lint.check(List.of(), TableFacts.NONE, List.of(allow("ban-drop-column", " "))))
                .hasMessage("@AllowLint(rule = \"ban-drop-column\") gives no reason; say in reason = \"...\" why the"
                        + " finding is safe here");
    }

    @Test
    void ruleIdsAreUniqueAndKebabCase() {
        assertThat(Lint.ruleIds()).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z]+(-[a-z]+)+"));
    }

    private static String message(Consumer<Operations> body) {
        List<Finding> findings = Lint.findings(revision(body), TableFacts.NONE);
        assertThat(findings).hasSize(1);
        return findings.get(0).message();
    }

    private static AllowLint allow(String rule, String reason) {
        return new AllowLint() {
            @Override
            public String rule() {
                return rule;
            }

            @Override
            public String reason() {
                return reason;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return AllowLint.class;
            }
        };
    }
}
