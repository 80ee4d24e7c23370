package dev.migrations.api;

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
import dev.migrations.api.operation.RunJdbc;
import dev.migrations.api.operation.SetTableComment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code op} a migration writes its changes to, with Alembic's vocabulary. Every method
 * builds one {@link Operation} and hands it to {@link #apply}; the engine runs it at once,
 * so a failure points at the exact operation.
 *
 * <p>Names are identifiers, never SQL: the engine quotes them. Only {@link #execute},
 * check expressions, server defaults and partial-index predicates are SQL.
 */
public interface Operations {

    /** Runs one operation. Every other method ends here. */
    void apply(Operation operation);

    /** The schema the table-level methods act on; null for the connection's default. */
    default String schema() {
        return null;
    }

    /** The same operations acting on tables in {@code schema}. */
    default Operations inSchema(String schema) {
        Operations outer = this;
        return new Operations() {
            @Override
            public void apply(Operation operation) {
                outer.apply(operation);
            }

            @Override
            public String schema() {
                return schema;
            }
        };
    }

    // tables

    /** Creates a table from columns ({@code Schema.column(...)}) and table constraints. */
    default void createTable(String table, Object... columnsAndConstraints) {
        List<Column> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        for (Object element : columnsAndConstraints) {
            if (element instanceof Column column) {
                columns.add(column);
            } else if (element instanceof Constraint constraint) {
                constraints.add(constraint);
            } else {
                throw new IllegalArgumentException("createTable(" + table + ") takes columns and constraints, not "
                        + (element == null ? "null" : element.getClass().getSimpleName()));
            }
        }
        apply(new CreateTable(schema(), table, columns, constraints, null));
    }

    default void createTable(CreateTable definition) {
        apply(definition);
    }

    /** Drops a table; a downgrade that must re-create it should use {@link #dropTable(CreateTable)}. */
    default void dropTable(String table) {
        apply(new DropTable(schema(), table, null));
    }

    /** Drops a table, carrying its full definition so that the drop can be reversed. */
    default void dropTable(CreateTable definition) {
        apply(new DropTable(definition.schema(), definition.table(), definition));
    }

    default void renameTable(String from, String to) {
        apply(new RenameTable(schema(), from, to));
    }

    default void setTableComment(String table, String comment) {
        apply(new SetTableComment(schema(), table, null, comment));
    }

    /** Changes a table comment, carrying the previous one so that the change can be reversed. */
    default void setTableComment(String table, String previous, String comment) {
        apply(new SetTableComment(schema(), table, previous, comment));
    }

    // columns

    default void addColumn(String table, Column column) {
        apply(new AddColumn(schema(), table, column));
    }

    default void dropColumn(String table, String column) {
        apply(new DropColumn(schema(), table, column, null));
    }

    /** Drops a column, carrying its definition so that the drop can be reversed. */
    default void dropColumn(String table, Column definition) {
        apply(new DropColumn(schema(), table, definition.name(), definition));
    }

    /** Alters type, nullability, default or comment: {@code alterColumn("t", "c", setNotNull())}. */
    default void alterColumn(String table, String column, ColumnChange... changes) {
        apply(new AlterColumn(schema(), table, column, Arrays.asList(changes)));
    }

    default void renameColumn(String table, String from, String to) {
        apply(new RenameColumn(schema(), table, from, to));
    }

    // indexes

    default void createIndex(String table, Index index) {
        apply(new CreateIndex(schema(), table, index, false));
    }

    default void createIndex(String name, String table, String... columns) {
        createIndex(table, new Index(name, List.of(columns), false, null));
    }

    /** {@code CREATE INDEX CONCURRENTLY}: declare the revision {@code transactional = false}. */
    default void createIndexConcurrently(String table, Index index) {
        apply(new CreateIndex(schema(), table, index, true));
    }

    default void dropIndex(String name) {
        apply(new DropIndex(schema(), null, name, null, false));
    }

    /** Drops an index, carrying its definition so that the drop can be reversed. */
    default void dropIndex(String table, Index definition) {
        apply(new DropIndex(schema(), table, definition.name(), definition, false));
    }

    /** {@code DROP INDEX CONCURRENTLY}: declare the revision {@code transactional = false}. */
    default void dropIndexConcurrently(String table, Index definition) {
        apply(new DropIndex(schema(), table, definition.name(), definition, true));
    }

    // constraints

    default void createPrimaryKey(String name, String table, String... columns) {
        addConstraint(table, new Constraint.PrimaryKey(name, List.of(columns)));
    }

    default void createUniqueConstraint(String name, String table, String... columns) {
        addConstraint(table, new Constraint.Unique(name, List.of(columns)));
    }

    default void createCheckConstraint(String name, String table, String condition) {
        addConstraint(table, new Constraint.Check(name, condition));
    }

    default void createForeignKey(String name, String table, List<String> columns,
                                  String referencedTable, List<String> referencedColumns) {
        addConstraint(table, new Constraint.ForeignKey(name, columns, null, referencedTable,
                referencedColumns, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
    }

    default void createForeignKey(String name, String table, List<String> columns,
                                  String referencedTable, List<String> referencedColumns,
                                  ReferentialAction onDelete, ReferentialAction onUpdate) {
        addConstraint(table, new Constraint.ForeignKey(name, columns, null, referencedTable,
                referencedColumns, onDelete, onUpdate));
    }

    default void addConstraint(String table, Constraint constraint) {
        apply(new AddConstraint(schema(), table, constraint));
    }

    /**
     * Adds a foreign key or check {@code NOT VALID}: new rows are checked at once, existing ones
     * only by a later {@code execute("ALTER TABLE t VALIDATE CONSTRAINT c")}, which lets reads
     * and writes through while it scans (docs/lint.md, constraint-missing-not-valid).
     */
    default void addConstraintNotValid(String table, Constraint constraint) {
        apply(new AddConstraint(schema(), table, constraint, true));
    }

    default void dropConstraint(String name, String table) {
        apply(new DropConstraint(schema(), table, name, null));
    }

    /** Drops a constraint, carrying its definition so that the drop can be reversed. */
    default void dropConstraint(String table, Constraint definition) {
        apply(new DropConstraint(schema(), table, definition.name(), definition));
    }

    // sequences

    default void createSequence(Sequence sequence) {
        apply(new CreateSequence(schema(), sequence));
    }

    default void createSequence(String name) {
        createSequence(Sequence.of(name));
    }

    /** Changes a sequence's start or increment; {@code from} is what downgrade() restores. */
    default void alterSequence(Sequence from, Sequence to) {
        apply(new AlterSequence(schema(), from, to));
    }

    default void dropSequence(String name) {
        apply(new DropSequence(schema(), name, null));
    }

    default void dropSequence(Sequence definition) {
        apply(new DropSequence(schema(), definition.name(), definition));
    }

    // data

    /** Runs SQL as written; the author is responsible for its quoting. */
    default void execute(String sql) {
        apply(new ExecuteSql(sql, null));
    }

    /** Inserts rows with bound parameters; each map is column name to value. */
    default void bulkInsert(String table, List<Map<String, Object>> rows) {
        apply(new BulkInsert(schema(), table, rows));
    }

    /** Runs JDBC code on the migration's own connection and transaction. */
    default void run(String description, JdbcWork work) {
        apply(new RunJdbc(description, work));
    }

    default void run(JdbcWork work) {
        run(null, work);
    }
}
