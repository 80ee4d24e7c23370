package dev.migrations.engine.dialect;

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
import dev.migrations.api.operation.OperationVisitor;
import dev.migrations.api.operation.RenameColumn;
import dev.migrations.api.operation.RenameTable;
import dev.migrations.api.operation.RunJdbc;
import dev.migrations.api.operation.SetTableComment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The statements of each kind of operation on PostgreSQL, for {@link PostgresDialect#render}:
 * a visitor, so that a kind of operation without statements here does not compile.
 */
final class PostgresStatements implements OperationVisitor<List<SqlStatement>> {

    private final PostgresDialect dialect;

    PostgresStatements(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    // tables

    @Override
    public List<SqlStatement> createTable(CreateTable op) {
        String table = dialect.qualify(op.schema(), op.table());
        StringJoiner elements = new StringJoiner(", ", "CREATE TABLE " + table + " (", ")");
        for (Column column : op.columns()) {
            elements.add(columnDefinition(column));
        }
        Constraint.PrimaryKey primaryKey = primaryKeyOf(op);
        if (primaryKey != null) {
            elements.add(constraintDefinition(primaryKey, op.schema()));
        }
        for (Constraint constraint : op.constraints()) {
            if (!(constraint instanceof Constraint.PrimaryKey)) {
                elements.add(constraintDefinition(constraint, op.schema()));
            }
        }

        List<SqlStatement> statements = new ArrayList<>();
        statements.add(SqlStatement.of(elements.toString()));
        if (op.comment() != null) {
            statements.add(SqlStatement.of("COMMENT ON TABLE " + table + " IS " + dialect.literal(op.comment())));
        }
        for (Column column : op.columns()) {
            if (column.comment() != null) {
                statements.add(columnComment(op.schema(), op.table(), column.name(), column.comment()));
            }
        }
        return statements;
    }

    /**
     * The table's one primary key: the columns flagged {@link Column#isPrimaryKey()}, named by
     * a {@link Constraint.PrimaryKey} when one is also given; or that constraint alone.
     */
    private static Constraint.PrimaryKey primaryKeyOf(CreateTable op) {
        List<String> flagged = op.columns().stream().filter(Column::isPrimaryKey).map(Column::name).toList();
        List<Constraint.PrimaryKey> declared = op.constraints().stream()
                .filter(Constraint.PrimaryKey.class::isInstance)
                .map(Constraint.PrimaryKey.class::cast)
                .toList();
        if (declared.size() > 1) {
            throw new IllegalArgumentException("table " + op.table() + " declares " + declared.size()
                    + " primary keys; a table has at most one");
        }
        if (declared.isEmpty()) {
            return flagged.isEmpty() ? null : new Constraint.PrimaryKey(null, flagged);
        }
        Constraint.PrimaryKey key = declared.get(0);
        if (!flagged.isEmpty() && !Set.copyOf(flagged).equals(Set.copyOf(key.columns()))) {
            throw new IllegalArgumentException("table " + op.table() + ": the primary key "
                    + (key.name() == null ? "" : key.name() + " ") + "is on " + key.columns()
                    + " but the columns marked primaryKey() are " + flagged);
        }
        return key;
    }

    @Override
    public List<SqlStatement> dropTable(DropTable op) {
        return List.of(SqlStatement.of("DROP TABLE " + dialect.qualify(op.schema(), op.table())));
    }

    @Override
    public List<SqlStatement> renameTable(RenameTable op) {
        // the new name takes the table's schema: RENAME TO does not accept a qualified name
        return List.of(SqlStatement.of("ALTER TABLE " + dialect.qualify(op.schema(), op.from())
                + " RENAME TO " + dialect.quote(op.to())));
    }

    @Override
    public List<SqlStatement> setTableComment(SetTableComment op) {
        return List.of(SqlStatement.of("COMMENT ON TABLE " + dialect.qualify(op.schema(), op.table())
                + " IS " + dialect.literal(op.to())));
    }

    // columns

    @Override
    public List<SqlStatement> addColumn(AddColumn op) {
        Column column = op.column();
        String definition = columnDefinition(column) + (column.isPrimaryKey() ? " PRIMARY KEY" : "");
        List<SqlStatement> statements = new ArrayList<>();
        statements.add(SqlStatement.of("ALTER TABLE " + dialect.qualify(op.schema(), op.table())
                + " ADD COLUMN " + definition));
        if (column.comment() != null) {
            statements.add(columnComment(op.schema(), op.table(), column.name(), column.comment()));
        }
        return statements;
    }

    @Override
    public List<SqlStatement> dropColumn(DropColumn op) {
        return List.of(SqlStatement.of("ALTER TABLE " + dialect.qualify(op.schema(), op.table())
                + " DROP COLUMN " + dialect.quote(op.column())));
    }

    @Override
    public List<SqlStatement> renameColumn(RenameColumn op) {
        return List.of(SqlStatement.of("ALTER TABLE " + dialect.qualify(op.schema(), op.table())
                + " RENAME COLUMN " + dialect.quote(op.from()) + " TO " + dialect.quote(op.to())));
    }

    /**
     * All changes but comments go into one ALTER TABLE (PostgreSQL applies its comma-separated
     * subcommands together, in a fixed internal order, under one lock); comments are a
     * separate statement kind in PostgreSQL.
     */
    @Override
    public List<SqlStatement> alterColumn(AlterColumn op) {
        String column = dialect.quote(op.column());
        List<String> clauses = new ArrayList<>();
        List<SqlStatement> comments = new ArrayList<>();
        boolean retyped = op.changes().stream().anyMatch(ColumnChange.TypeChange.class::isInstance);
        boolean oldDefault = op.changes().stream()
                .anyMatch(change -> change instanceof ColumnChange.DefaultChange d && d.from() != null);
        if (retyped && oldDefault) {
            // PostgreSQL casts the old default to the new type before it sets the new one, and
            // fails where that cast does not exist (0 to boolean): the old default goes first
            clauses.add("ALTER COLUMN " + column + " DROP DEFAULT");
        }
        for (ColumnChange change : op.changes()) {
            if (change instanceof ColumnChange.TypeChange type) {
                clauses.add("ALTER COLUMN " + column + " TYPE " + PostgresTypes.spell(type.to()) + using(column, type));
            } else if (change instanceof ColumnChange.NullabilityChange nullability) {
                clauses.add("ALTER COLUMN " + column + (nullability.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
            } else if (change instanceof ColumnChange.DefaultChange serverDefault) {
                if (serverDefault.to() != null) {
                    clauses.add("ALTER COLUMN " + column + " SET DEFAULT " + serverDefault.to());
                } else if (!(retyped && oldDefault)) {
                    clauses.add("ALTER COLUMN " + column + " DROP DEFAULT");
                }
            } else if (change instanceof ColumnChange.CommentChange comment) {
                comments.add(columnComment(op.schema(), op.table(), op.column(), comment.to()));
            } else {
                throw new IllegalStateException("no PostgreSQL rendering for " + change.getClass().getName());
            }
        }
        List<SqlStatement> statements = new ArrayList<>();
        if (!clauses.isEmpty()) {
            statements.add(SqlStatement.of("ALTER TABLE " + dialect.qualify(op.schema(), op.table()) + " "
                    + String.join(", ", clauses)));
        }
        statements.addAll(comments);
        return statements;
    }

    /**
     * The change's own USING expression; else, where PostgreSQL has no assignment cast from
     * the old type to the new one (text to integer, say), an explicit cast: without one the
     * change fails even on an empty table, and a value that does not convert still fails it.
     */
    private static String using(String column, ColumnChange.TypeChange type) {
        if (type.using() != null) {
            return " USING " + type.using();
        }
        if (type.from() == null || PostgresTypes.convertsByAssignment(type.from(), type.to())) {
            return "";
        }
        return " USING " + column + "::" + PostgresTypes.spell(type.to());
    }

    /**
     * {@code name type [GENERATED BY DEFAULT AS IDENTITY] [DEFAULT expr] [NOT NULL]}. Identity
     * columns are NOT NULL by definition, so that clause is left out for them; the primary key
     * is a table element, not part of the column.
     */
    private String columnDefinition(Column column) {
        StringBuilder sql = new StringBuilder(dialect.quote(column.name())).append(' ')
                .append(PostgresTypes.spell(column.type()));
        if (column.isIdentity()) {
            sql.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        if (column.serverDefault() != null) {
            sql.append(" DEFAULT ").append(column.serverDefault());
        }
        if (!column.isNullable() && !column.isIdentity()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    private SqlStatement columnComment(String schema, String table, String column, String comment) {
        return SqlStatement.of("COMMENT ON COLUMN " + dialect.qualify(schema, table) + "." + dialect.quote(column)
                + " IS " + dialect.literal(comment));
    }

    // indexes

    @Override
    public List<SqlStatement> createIndex(CreateIndex op) {
        Index index = op.index();
        // an index always lives in its table's schema, so its own name is never qualified here
        return List.of(SqlStatement.of("CREATE " + (index.isUnique() ? "UNIQUE " : "") + "INDEX "
                + (op.concurrently() ? "CONCURRENTLY " : "") + dialect.quote(index.name())
                + " ON " + dialect.qualify(op.schema(), op.table()) + " " + columnList(index.columns())
                + (index.where() == null ? "" : " WHERE " + index.where())));
    }

    @Override
    public List<SqlStatement> dropIndex(DropIndex op) {
        return List.of(SqlStatement.of("DROP INDEX " + (op.concurrently() ? "CONCURRENTLY " : "")
                + dialect.qualify(op.schema(), op.name())));
    }

    // constraints

    @Override
    public List<SqlStatement> addConstraint(AddConstraint op) {
        return List.of(SqlStatement.of("ALTER TABLE " + dialect.qualify(op.schema(), op.table()) + " ADD "
                + constraintDefinition(op.constraint(), op.schema()) + (op.notValid() ? " NOT VALID" : "")));
    }

    @Override
    public List<SqlStatement> dropConstraint(DropConstraint op) {
        return List.of(SqlStatement.of("ALTER TABLE " + dialect.qualify(op.schema(), op.table())
                + " DROP CONSTRAINT " + dialect.quote(op.name())));
    }

    /** A table constraint, as in CREATE TABLE and ALTER TABLE ... ADD. */
    private String constraintDefinition(Constraint constraint, String tableSchema) {
        String prefix = constraint.name() == null ? "" : "CONSTRAINT " + dialect.quote(constraint.name()) + " ";
        if (constraint instanceof Constraint.PrimaryKey key) {
            return prefix + "PRIMARY KEY " + columnList(key.columns());
        } else if (constraint instanceof Constraint.Unique unique) {
            return prefix + "UNIQUE " + columnList(unique.columns());
        } else if (constraint instanceof Constraint.Check check) {
            return prefix + "CHECK (" + check.expression() + ")";
        } else if (constraint instanceof Constraint.ForeignKey foreignKey) {
            String referencedSchema = foreignKey.referencedSchema() == null
                    ? tableSchema : foreignKey.referencedSchema();
            return prefix + "FOREIGN KEY " + columnList(foreignKey.columns())
                    + " REFERENCES " + dialect.qualify(referencedSchema, foreignKey.referencedTable())
                    + " " + columnList(foreignKey.referencedColumns())
                    + referentialAction("ON DELETE", foreignKey.onDelete())
                    + referentialAction("ON UPDATE", foreignKey.onUpdate());
        }
        throw new IllegalStateException("no PostgreSQL rendering for " + constraint.getClass().getName());
    }

    /** NO ACTION is PostgreSQL's default, so it is left out, as pg_dump does. */
    private static String referentialAction(String event, ReferentialAction action) {
        return action == ReferentialAction.NO_ACTION ? "" : " " + event + " " + action.sql();
    }

    // sequences

    /**
     * PostgreSQL's default bounds are 1 and up for an ascending sequence and -1 and down for a
     * descending one, and it refuses a start outside them. The model has no bounds, so a start
     * beyond the default (an ascending sequence from 0, a descending one from 1) widens the
     * bound to the start; otherwise the defaults stay, as pg_dump would print them.
     */
    @Override
    public List<SqlStatement> createSequence(CreateSequence op) {
        Sequence sequence = op.sequence();
        return List.of(SqlStatement.of("CREATE SEQUENCE " + dialect.qualify(op.schema(), sequence.name())
                + " START WITH " + sequence.start() + " INCREMENT BY " + sequence.increment() + bound(sequence)));
    }

    /** The start a later RESTART would use and the increment; the current value stays. */
    @Override
    public List<SqlStatement> alterSequence(AlterSequence op) {
        Sequence sequence = op.to();
        return List.of(SqlStatement.of("ALTER SEQUENCE " + dialect.qualify(op.schema(), sequence.name())
                + " START WITH " + sequence.start() + " INCREMENT BY " + sequence.increment() + bound(sequence)));
    }

    private static String bound(Sequence sequence) {
        if (sequence.increment() > 0 && sequence.start() < 1) {
            return " MINVALUE " + sequence.start();
        } else if (sequence.increment() < 0 && sequence.start() > -1) {
            return " MAXVALUE " + sequence.start();
        }
        return "";
    }

    @Override
    public List<SqlStatement> dropSequence(DropSequence op) {
        return List.of(SqlStatement.of("DROP SEQUENCE " + dialect.qualify(op.schema(), op.name())));
    }

    @Override
    public List<SqlStatement> executeSql(ExecuteSql op) {
        return List.of(SqlStatement.of(op.sql()));
    }

    @Override
    public List<SqlStatement> runJdbc(RunJdbc op) {
        throw new UnsupportedOperationException("'" + op.describe()
                + "' is Java code, not SQL: the executor runs it on the migration's connection");
    }

    // data

    /**
     * One INSERT run as a batch, one parameter row per inserted row. The columns are every key
     * seen in any row, in first-seen order; a row without a key inserts null there (not the
     * column's default: one statement has one column list).
     */
    @Override
    public List<SqlStatement> bulkInsert(BulkInsert op) {
        if (op.rows().isEmpty()) {
            return List.of();
        }
        String table = dialect.qualify(op.schema(), op.table());
        Set<String> columns = new LinkedHashSet<>();
        for (Map<String, Object> row : op.rows()) {
            columns.addAll(row.keySet());
        }
        if (columns.isEmpty()) {
            // rows without values: each one takes every column's default
            return Collections.nCopies(op.rows().size(), SqlStatement.of("INSERT INTO " + table + " DEFAULT VALUES"));
        }
        List<List<Object>> parameterRows = new ArrayList<>(op.rows().size());
        for (Map<String, Object> row : op.rows()) {
            List<Object> values = new ArrayList<>(columns.size());
            for (String column : columns) {
                values.add(row.get(column));
            }
            // values may be null, which List.copyOf would refuse
            parameterRows.add(Collections.unmodifiableList(values));
        }
        String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
        String sql = "INSERT INTO " + table + " " + columnList(columns) + " VALUES (" + placeholders + ")";
        return List.of(new SqlStatement(sql, parameterRows));
    }

    // pieces

    private String columnList(Iterable<String> columns) {
        StringJoiner list = new StringJoiner(", ", "(", ")");
        for (String column : columns) {
            list.add(dialect.quote(column));
        }
        return list.toString();
    }
}
