package dev.migrations.engine.dialect;

import static dev.migrations.api.Schema.bigint;
import static dev.migrations.api.Schema.check;
import static dev.migrations.api.Schema.column;
import static dev.migrations.api.Schema.comment;
import static dev.migrations.api.Schema.dropNotNull;
import static dev.migrations.api.Schema.foreignKey;
import static dev.migrations.api.Schema.index;
import static dev.migrations.api.Schema.integer;
import static dev.migrations.api.Schema.serverDefault;
import static dev.migrations.api.Schema.text;
import static dev.migrations.api.Schema.type;
import static dev.migrations.api.Schema.unique;
import static dev.migrations.api.Schema.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.api.model.Column;
import dev.migrations.api.operation.AddColumn;
import dev.migrations.api.operation.AddConstraint;
import dev.migrations.api.operation.AlterColumn;
import dev.migrations.api.operation.BulkInsert;
import dev.migrations.api.operation.CreateIndex;
import dev.migrations.api.operation.CreateTable;
import dev.migrations.api.operation.DropColumn;
import dev.migrations.api.operation.DropConstraint;
import dev.migrations.api.operation.DropIndex;
import dev.migrations.api.operation.DropTable;
import dev.migrations.api.operation.Operation;
import dev.migrations.api.operation.RenameColumn;
import dev.migrations.api.operation.RenameTable;
import dev.migrations.testing.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A property over random names: whatever name PostgreSQL accepts (reserved words, mixed case,
 * embedded quotes, spaces, punctuation, non-ASCII, exactly 63 bytes) goes through create,
 * alter, rename and drop of tables, columns, indexes and constraints, lands in the catalog
 * spelled exactly as given, and every operation's reverse brings the catalog back. Names over
 * 63 bytes are refused before any SQL runs. Seeded: a failure names the seed to replay.
 */
class IdentifierPropertyTest {

    private static final long SEED = 20261201L;
    private static final int TRIALS = 60;
    private static final int MAX_BYTES = 63;

    private static final List<String> RESERVED = List.of("order", "user", "select", "table", "group", "check",
            "from", "where", "default", "primary", "references", "limit", "all", "column", "constraint", "desc",
            "end", "offset", "time", "values", "year", "index", "key", "analyse", "natural", "current_user");
    private static final String PUNCTUATION = " -.;'\\%?$()*/+,:<>=!@#&[]{}|~`^\"\t";
    private static final List<String> NON_ASCII = List.of("é", "ß", "ñ", "ø", "日本", "語", "Ж", "😀", "ü", "Ω", "ﬁ",
            "\u0301", "ا");

    @RegisterExtension
    static final EmbeddedServer postgres = new EmbeddedServer();

    @Test
    void randomNamesSurviveEveryOperationAndItsReverse() throws SQLException {
        Random random = new Random(SEED);
        for (int trial = 0; trial < TRIALS; trial++) {
            Names names = new Names(random);
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.setAutoCommit(true);
                String schema = names.next();
                TestSchema catalog = new TestSchema(connection, schema);
                try {
                    catalog.execute("CREATE SCHEMA " + new PostgresDialect().quote(schema));
                    roundTrip(catalog, schema, names);
                } catch (SQLException | AssertionError | RuntimeException e) {
                    throw new AssertionError("trial " + trial + " of seed " + SEED + " with names " + names.taken
                            + ": " + e.getMessage(), e);
                } finally {
                    catalog.execute("DROP SCHEMA IF EXISTS " + new PostgresDialect().quote(schema) + " CASCADE");
                }
            }
        }
    }

    private void roundTrip(TestSchema catalog, String schema, Names names) throws SQLException {
        PostgresDialect dialect = new PostgresDialect();
        String parent = names.next();
        String child = names.next();
        String id = names.next();
        String label = names.next();
        String amount = names.next();
        String reference = names.next();
        String extra = names.next();
        String renamedColumn = names.next();
        String renamedTable = names.next();
        String uniqueName = names.next();
        String checkName = names.next();
        String foreignKeyName = names.next();
        String indexName = names.next();

        CreateTable parentTable = new CreateTable(schema, parent, List.of(
                column(id, bigint()).primaryKey(),
                column(label, text()).notNull().comment(names.next()),
                column(amount, integer()).serverDefault("0").notNull()),
                List.of(unique(uniqueName, label), check(checkName, dialect.quote(amount) + " >= 0")),
                names.next());
        CreateTable childTable = new CreateTable(schema, child, List.of(
                column(id, bigint()).primaryKey(),
                column(reference, bigint())),
                List.of(), null);
        Column extraColumn = column(extra, varchar(20));
        List<Operation> forward = List.of(
                parentTable,
                childTable,
                new AddConstraint(schema, child, foreignKey(foreignKeyName, reference).references(schema, parent, List.of(id))),
                new AddColumn(schema, parent, extraColumn),
                new CreateIndex(schema, parent, index(indexName, label, extra), false),
                new AlterColumn(schema, parent, amount, List.of(type(integer(), bigint()), dropNotNull(),
                        serverDefault("0", "1"), comment(null, names.next()))),
                new RenameColumn(schema, parent, extra, renamedColumn),
                new RenameTable(schema, parent, renamedTable),
                new DropIndex(schema, renamedTable, indexName, index(indexName, label, renamedColumn), false),
                new DropConstraint(schema, child, foreignKeyName,
                        foreignKey(foreignKeyName, reference).references(schema, renamedTable, List.of(id))),
                new DropColumn(schema, renamedTable, renamedColumn, extraColumn.withName(renamedColumn)),
                new DropTable(schema, child, childTable));

        Deque<List<String>> before = new ArrayDeque<>();
        for (Operation operation : forward) {
            before.push(catalog.snapshot());
            catalog.apply(operation);
            expectNames(catalog, operation);
        }
        // rows go in and come out through the renamed names as well
        catalog.apply(new BulkInsert(schema, renamedTable, List.of(Map.of(id, 1L, label, "x", amount, 5L))));
        assertThat(catalog.query("SELECT count(*) FROM " + dialect.qualify(schema, renamedTable)
                + " WHERE " + dialect.quote(amount) + " = 5")).containsExactly("1");
        catalog.execute("DELETE FROM " + dialect.qualify(schema, renamedTable));

        List<Operation> backward = new ArrayList<>(forward);
        java.util.Collections.reverse(backward);
        for (Operation operation : backward) {
            catalog.apply(operation.reverse());
            assertThat(catalog.snapshot()).as("after reversing %s", operation.describe()).isEqualTo(before.pop());
        }
        assertThat(catalog.tables()).isEmpty();
    }

    /** The catalog holds the names the operation gave, spelled exactly so. */
    private static void expectNames(TestSchema catalog, Operation operation) throws SQLException {
        if (operation instanceof CreateTable create) {
            assertThat(catalog.tables()).contains(create.table());
            assertThat(columnNames(catalog, create.table()))
                    .containsExactlyInAnyOrderElementsOf(create.columns().stream().map(Column::name).toList());
        } else if (operation instanceof AddConstraint add) {
            assertThat(constraintNames(catalog, add.table())).contains(add.constraint().name());
        } else if (operation instanceof AddColumn add) {
            assertThat(columnNames(catalog, add.table())).contains(add.column().name());
        } else if (operation instanceof CreateIndex create) {
            assertThat(catalog.indexes()).anyMatch(definition -> definition.startsWith(
                    "CREATE INDEX " + new PostgresDialect().quote(create.index().name()) + " ON "));
        } else if (operation instanceof RenameColumn rename) {
            assertThat(columnNames(catalog, rename.table())).contains(rename.to()).doesNotContain(rename.from());
        } else if (operation instanceof RenameTable rename) {
            assertThat(catalog.tables()).contains(rename.to()).doesNotContain(rename.from());
        } else if (operation instanceof DropConstraint drop) {
            assertThat(constraintNames(catalog, drop.table())).doesNotContain(drop.name());
        } else if (operation instanceof DropColumn drop) {
            assertThat(columnNames(catalog, drop.table())).doesNotContain(drop.column());
        } else if (operation instanceof DropTable drop) {
            assertThat(catalog.tables()).doesNotContain(drop.table());
        }
    }

    private static List<String> columnNames(TestSchema catalog, String table) throws SQLException {
        return catalog.query("SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?"
                + " AND a.attnum > 0 AND NOT a.attisdropped", catalog.schema(), table);
    }

    private static List<String> constraintNames(TestSchema catalog, String table) throws SQLException {
        return catalog.query("SELECT k.conname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?",
                catalog.schema(), table);
    }

    @Test
    void namesOverSixtyThreeBytesAreRefusedBeforeAnySqlRuns() {
        Random random = new Random(SEED);
        PostgresDialect dialect = new PostgresDialect();
        for (int trial = 0; trial < 200; trial++) {
            String name = Names.ofBytes(random, MAX_BYTES + 1 + random.nextInt(40));
            assertThatThrownBy(() -> dialect.render(new CreateTable(null, name, List.of(column("id", bigint())),
                    List.of(), null)))
                    .as("a name of %d bytes", name.getBytes(StandardCharsets.UTF_8).length)
                    .hasMessageContaining("PostgreSQL allows at most 63");
            String fits = Names.ofBytes(random, MAX_BYTES);
            assertThat(dialect.quote(fits)).contains(fits.replace("\"", "\"\""));
        }
    }

    /** Distinct random names for one trial. */
    private static final class Names {
        private final Random random;
        private final Set<String> taken = new LinkedHashSet<>();

        Names(Random random) {
            this.random = random;
        }

        String next() {
            String name;
            do {
                name = candidate();
            } while (name.isEmpty() || name.endsWith("_pkey") || !taken.add(name));
            return name;
        }

        private String candidate() {
            switch (random.nextInt(7)) {
                case 0:
                    return RESERVED.get(random.nextInt(RESERVED.size()));
                case 1:
                    return RESERVED.get(random.nextInt(RESERVED.size())).toUpperCase() + random.nextInt(100);
                case 2:
                    return ofBytes(random, MAX_BYTES);
                case 3:
                    return ofBytes(random, 1 + random.nextInt(MAX_BYTES));
                case 4:
                    return "Mixed Case " + (char) ('A' + random.nextInt(26)) + random.nextInt(1000);
                case 5:
                    return "\"" + random.nextInt(100) + "\"";
                default:
                    return random.nextInt(10) + "starts with a digit " + random.nextInt(100);
            }
        }

        /** A name of exactly {@code bytes} UTF-8 bytes mixing every kind of character. */
        static String ofBytes(Random random, int bytes) {
            StringBuilder name = new StringBuilder();
            while (true) {
                String piece = switch (random.nextInt(4)) {
                    case 0 -> String.valueOf(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
                    case 1 -> NON_ASCII.get(random.nextInt(NON_ASCII.size()));
                    case 2 -> String.valueOf((char) ('A' + random.nextInt(26)));
                    default -> String.valueOf((char) ('a' + random.nextInt(26)));
                };
                int used = name.toString().getBytes(StandardCharsets.UTF_8).length;
                int more = piece.getBytes(StandardCharsets.UTF_8).length;
                if (used + more > bytes) {
                    // pad with ASCII to land on the exact length
                    name.append("x".repeat(bytes - used));
                    return name.toString();
                }
                name.append(piece);
            }
        }
    }
}
