package dev.migrations.autogen.writer;

import com.palantir.javapoet.CodeBlock;
import dev.migrations.api.model.Column;
import dev.migrations.api.model.ColumnChange;
import dev.migrations.api.model.Constraint;
import dev.migrations.api.model.Index;
import dev.migrations.api.model.ReferentialAction;
import dev.migrations.api.model.Sequence;
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
import dev.migrations.api.operation.OperationVisitor;
import dev.migrations.api.operation.RenameColumn;
import dev.migrations.api.operation.RenameTable;
import dev.migrations.api.operation.RunJdbc;
import dev.migrations.api.operation.SetTableComment;
import dev.migrations.lint.Finding;
import dev.migrations.lint.Lint;
import dev.migrations.lint.TableFacts;
import dev.migrations.script.CommentText;
import dev.migrations.script.MethodBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Renders operations as the {@code op} calls a person would write, using the static
 * vocabulary of {@code Schema}. The same operations render to the same code, character for
 * character. Drops render by name: the definition they carry has already produced the other
 * direction's code.
 */
public final class OperationCode {

    private static final Set<String> PLAIN_TYPES = Set.of("smallint", "integer", "bigint", "real", "text",
            "date", "uuid", "bytea", "json", "jsonb");

    private static final Calls CALLS = new Calls();

    private final Map<String, String> tableOrigins;
    private final Map<String, String> columnOrigins;

    /**
     * @param tableOrigins  the mapping each table comes from, for a comment above its creation
     * @param columnOrigins the attribute each column comes from ({@code table.column} keys), for
     *                      a comment above an added column
     */
    public OperationCode(Map<String, String> tableOrigins, Map<String, String> columnOrigins) {
        this.tableOrigins = tableOrigins;
        this.columnOrigins = columnOrigins;
    }

    /**
     * One method body ({@code upgrade()} or {@code downgrade()}): the operations in order, each
     * headed by a {@code // REVIEW [rule]:} comment per lint finding about it (docs/lint.md): the
     * id is what a reader looks up, and what {@code @AllowLint} names.
     */
    public MethodBody body(List<Operation> operations) {
        Map<Integer, List<Finding>> findings = Lint.findings(operations, TableFacts.NONE).stream()
                .collect(Collectors.groupingBy(Finding::index));
        return new MethodBody(CodeBlock.of(""), IntStream.range(0, operations.size())
                .mapToObj(i -> statement(operations.get(i), findings.getOrDefault(i, List.of()))).toList());
    }

    /**
     * The mapping an operation stems from, for a reviewer: the entity or collection of a created
     * table, the attributes of the columns an operation touches; null when it stems from none
     * (a column or constraint the entities no longer have).
     */
    private String attributes(Operation operation) {
        if (operation instanceof CreateTable op) {
            return tableOrigins.get(op.table());
        }
        if (operation instanceof AddColumn op) {
            return attributes(op.table(), List.of(op.column().name()));
        }
        if (operation instanceof AlterColumn op) {
            return attributes(op.table(), List.of(op.column()));
        }
        if (operation instanceof AddConstraint op) {
            return attributes(op.table(), columns(op.constraint()));
        }
        if (operation instanceof DropConstraint op && op.definition() != null) {
            return attributes(op.table(), columns(op.definition()));
        }
        if (operation instanceof CreateIndex op) {
            return attributes(op.table(), op.index().columns());
        }
        if (operation instanceof DropIndex op && op.definition() != null) {
            return attributes(op.table(), op.definition().columns());
        }
        return null;
    }

    private String attributes(String table, List<String> columns) {
        List<String> found = columns.stream().map(column -> columnOrigins.get(table + "." + column))
                .filter(Objects::nonNull).distinct().toList();
        return found.isEmpty() ? null : String.join(", ", found);
    }

    private static List<String> columns(Constraint constraint) {
        if (constraint instanceof Constraint.PrimaryKey key) {
            return key.columns();
        }
        if (constraint instanceof Constraint.Unique unique) {
            return unique.columns();
        }
        if (constraint instanceof Constraint.ForeignKey key) {
            return key.columns();
        }
        return List.of();
    }

    private CodeBlock statement(Operation operation, List<Finding> findings) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Finding finding : findings) {
            code.add("// REVIEW [$L]: $L\n", finding.rule(), CommentText.line(finding.message()));
        }
        String attributes = attributes(operation);
        if (attributes != null) {
            code.add("// $L\n", CommentText.line(attributes));
        }
        code.add(operation.accept(CALLS));
        return code.build();
    }

    private static CodeBlock createTable(CreateTable op) {
        CodeBlock.Builder code = CodeBlock.builder().add("op.createTable($S", op.table()).indent().indent();
        for (Column column : op.columns()) {
            code.add(",\n$L", column(column));
        }
        for (Constraint constraint : op.constraints()) {
            code.add(",\n$L", constraint(constraint));
        }
        return code.unindent().unindent().add(");\n").build();
    }

    static CodeBlock column(Column column) {
        CodeBlock.Builder code = CodeBlock.builder().add("column($S, $L)", column.name(), type(column.type()));
        if (column.isIdentity()) {
            code.add(".identity()");
        }
        if (column.isPrimaryKey()) {
            code.add(".primaryKey()");
        }
        if (!column.isNullable() && !column.isIdentity() && !column.isPrimaryKey()) {
            code.add(".notNull()");
        }
        if (column.serverDefault() != null) {
            code.add(".serverDefault($S)", column.serverDefault());
        }
        if (column.comment() != null) {
            code.add(".comment($S)", column.comment());
        }
        return code.build();
    }

    /** The type as {@code Schema}'s factory for it, or a plain {@code SqlType} for the others. */
    static CodeBlock type(SqlType type) {
        String name = type.name();
        Integer size = type.size();
        if (size == null) {
            if (PLAIN_TYPES.contains(name)) {
                return CodeBlock.of("$L()", name);
            }
            switch (name) {
                case "double precision":
                    return CodeBlock.of("doublePrecision()");
                case "boolean":
                    return CodeBlock.of("bool()");
                case "numeric", "varchar", "time", "timestamp":
                    return CodeBlock.of("$L()", name);
                case "timestamp with time zone":
                    return CodeBlock.of("timestamptz()");
                default:
                    return CodeBlock.of("type($S)", name);
            }
        }
        if (type.scale() == null) {
            switch (name) {
                case "varchar", "timestamp":
                    return CodeBlock.of("$L($L)", name, size);
                case "char":
                    return CodeBlock.of("character($L)", size);
                case "timestamp with time zone":
                    return CodeBlock.of("timestamptz($L)", size);
                default:
                    return CodeBlock.of("$T.of($S, $L)", SqlType.class, name, size);
            }
        }
        if (name.equals("numeric")) {
            return CodeBlock.of("numeric($L, $L)", size, type.scale());
        }
        return CodeBlock.of("$T.of($S, $L, $L)", SqlType.class, name, size, type.scale());
    }

    static CodeBlock constraint(Constraint constraint) {
        if (constraint instanceof Constraint.PrimaryKey key) {
            return CodeBlock.of("primaryKey($S, $L)", key.name(), strings(key.columns()));
        }
        if (constraint instanceof Constraint.Unique unique) {
            return CodeBlock.of("unique($S, $L)", unique.name(), strings(unique.columns()));
        }
        if (constraint instanceof Constraint.Check check) {
            return CodeBlock.of("check($S, $S)", check.name(), check.expression());
        }
        Constraint.ForeignKey key = (Constraint.ForeignKey) constraint;
        CodeBlock.Builder code = CodeBlock.builder()
                .add("foreignKey($S, $L)", key.name(), strings(key.columns()));
        if (key.referencedSchema() == null) {
            code.add(".references($S, $L)", key.referencedTable(), strings(key.referencedColumns()));
        } else {
            code.add(".references($S, $S, $T.of($L))", key.referencedSchema(), key.referencedTable(), List.class,
                    strings(key.referencedColumns()));
        }
        if (key.onDelete() != ReferentialAction.NO_ACTION) {
            code.add(".onDelete($T.$L)", ReferentialAction.class, key.onDelete().name());
        }
        if (key.onUpdate() != ReferentialAction.NO_ACTION) {
            code.add(".onUpdate($T.$L)", ReferentialAction.class, key.onUpdate().name());
        }
        return code.build();
    }

    static CodeBlock index(Index index) {
        CodeBlock.Builder code = CodeBlock.builder().add("index($S, $L)", index.name(), strings(index.columns()));
        if (index.isUnique()) {
            code.add(".unique()");
        }
        if (index.where() != null) {
            code.add(".where($S)", index.where());
        }
        return code.build();
    }

    static CodeBlock sequence(Sequence sequence) {
        CodeBlock.Builder code = CodeBlock.builder().add("sequence($S)", sequence.name());
        if (sequence.start() != 1) {
            code.add(".startWith($L)", sequence.start());
        }
        if (sequence.increment() != 1) {
            code.add(".incrementBy($L)", sequence.increment());
        }
        return code.build();
    }

    private static CodeBlock change(ColumnChange change) {
        if (change instanceof ColumnChange.TypeChange typeChange) {
            if (typeChange.from() == null) {
                return CodeBlock.of("type($L)", type(typeChange.to()));
            }
            return typeChange.using() == null
                    ? CodeBlock.of("type($L, $L)", type(typeChange.from()), type(typeChange.to()))
                    : CodeBlock.of("type($L, $L, $S)", type(typeChange.from()), type(typeChange.to()), typeChange.using());
        }
        if (change instanceof ColumnChange.NullabilityChange nullability) {
            return CodeBlock.of(nullability.nullable() ? "dropNotNull()" : "setNotNull()");
        }
        if (change instanceof ColumnChange.DefaultChange defaults) {
            return CodeBlock.of("serverDefault($S, $S)", defaults.from(), defaults.to());
        }
        ColumnChange.CommentChange comment = (ColumnChange.CommentChange) change;
        return CodeBlock.of("comment($S, $S)", comment.from(), comment.to());
    }

    private static CodeBlock strings(List<String> values) {
        return CodeBlock.join(values.stream().map(v -> CodeBlock.of("$S", v)).toList(), ", ");
    }

    /**
     * The {@code op} call of each kind of operation: a visitor, so that a kind without generated
     * code does not compile. JDBC code has none; autogenerate never writes it.
     */
    private static final class Calls implements OperationVisitor<CodeBlock> {

        @Override
        public CodeBlock createTable(CreateTable op) {
            CodeBlock.Builder code = CodeBlock.builder().add(OperationCode.createTable(op));
            if (op.comment() != null) {
                code.addStatement("op.setTableComment($S, $S)", op.table(), op.comment());
            }
            return code.build();
        }

        @Override
        public CodeBlock dropTable(DropTable op) {
            return call("op.dropTable($S)", op.table());
        }

        @Override
        public CodeBlock renameTable(RenameTable op) {
            return call("op.renameTable($S, $S)", op.from(), op.to());
        }

        @Override
        public CodeBlock setTableComment(SetTableComment op) {
            return op.from() == null
                    ? call("op.setTableComment($S, $S)", op.table(), op.to())
                    : call("op.setTableComment($S, $S, $S)", op.table(), op.from(), op.to());
        }

        @Override
        public CodeBlock addColumn(AddColumn op) {
            return call("op.addColumn($S, $L)", op.table(), column(op.column()));
        }

        @Override
        public CodeBlock dropColumn(DropColumn op) {
            return call("op.dropColumn($S, $S)", op.table(), op.column());
        }

        @Override
        public CodeBlock alterColumn(AlterColumn op) {
            List<CodeBlock> arguments = new ArrayList<>();
            arguments.add(CodeBlock.of("$S", op.table()));
            arguments.add(CodeBlock.of("$S", op.column()));
            op.changes().forEach(change -> arguments.add(change(change)));
            return call("op.alterColumn($L)", CodeBlock.join(arguments, ", "));
        }

        @Override
        public CodeBlock renameColumn(RenameColumn op) {
            return call("op.renameColumn($S, $S, $S)", op.table(), op.from(), op.to());
        }

        @Override
        public CodeBlock createIndex(CreateIndex op) {
            return call(op.concurrently() ? "op.createIndexConcurrently($S, $L)" : "op.createIndex($S, $L)",
                    op.table(), index(op.index()));
        }

        @Override
        public CodeBlock dropIndex(DropIndex op) {
            return call("op.dropIndex($S)", op.name());
        }

        @Override
        public CodeBlock addConstraint(AddConstraint op) {
            return call(op.notValid() ? "op.addConstraintNotValid($S, $L)" : "op.addConstraint($S, $L)", op.table(),
                    constraint(op.constraint()));
        }

        @Override
        public CodeBlock dropConstraint(DropConstraint op) {
            return call("op.dropConstraint($S, $S)", op.name(), op.table());
        }

        @Override
        public CodeBlock createSequence(CreateSequence op) {
            return call("op.createSequence($L)", sequence(op.sequence()));
        }

        @Override
        public CodeBlock alterSequence(AlterSequence op) {
            return call("op.alterSequence($L, $L)", sequence(op.from()), sequence(op.to()));
        }

        @Override
        public CodeBlock dropSequence(DropSequence op) {
            return call("op.dropSequence($S)", op.name());
        }

        @Override
        public CodeBlock executeSql(ExecuteSql op) {
            return call("op.execute($S)", op.sql());
        }

        @Override
        public CodeBlock bulkInsert(BulkInsert op) {
            throw new IllegalArgumentException("no generated code for " + op.describe());
        }

        @Override
        public CodeBlock runJdbc(RunJdbc op) {
            throw new IllegalArgumentException("no generated code for " + op.describe());
        }

        /** One statement, as {@link CodeBlock.Builder#addStatement} lays it out. */
        private static CodeBlock call(String format, Object... arguments) {
            return CodeBlock.builder().addStatement(format, arguments).build();
        }
    }
}
