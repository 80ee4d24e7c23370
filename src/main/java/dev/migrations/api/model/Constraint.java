package dev.migrations.api.model;

import java.util.List;
import java.util.Objects;

/**
 * A table constraint. A null name lets the database choose one (PostgreSQL's
 * {@code table_pkey}, {@code table_col_key}, ...); dropping such a constraint later needs
 * that chosen name.
 */
public sealed interface Constraint {

    String name();

    /** What the constraint is, in words: {@code primary key}, {@code foreign key}, ... */
    String kind();

    /** Same constraint under another name; used when the database assigned the name. */
    Constraint withName(String name);

    record PrimaryKey(String name, List<String> columns) implements Constraint {
        @Override
        public String kind() {
            return "primary key";
        }

        public PrimaryKey {
            columns = nonEmpty(columns, "primary key");
        }

        @Override
        public PrimaryKey withName(String newName) {
            return new PrimaryKey(newName, columns);
        }
    }

    record Unique(String name, List<String> columns) implements Constraint {
        @Override
        public String kind() {
            return "unique constraint";
        }

        public Unique {
            columns = nonEmpty(columns, "unique constraint");
        }

        @Override
        public Unique withName(String newName) {
            return new Unique(newName, columns);
        }
    }

    /** A check constraint; the expression is SQL, written by the migration's author. */
    record Check(String name, String expression) implements Constraint {
        @Override
        public String kind() {
            return "check constraint";
        }

        public Check {
            Objects.requireNonNull(expression, "check expression");
        }

        @Override
        public Check withName(String newName) {
            return new Check(newName, expression);
        }
    }

    /**
     * @param referencedSchema null for the migration's schema
     */
    record ForeignKey(String name, List<String> columns, String referencedSchema,
                      String referencedTable, List<String> referencedColumns,
                      ReferentialAction onDelete, ReferentialAction onUpdate) implements Constraint {
        @Override
        public String kind() {
            return "foreign key";
        }

        public ForeignKey {
            columns = nonEmpty(columns, "foreign key");
            referencedColumns = nonEmpty(referencedColumns, "foreign key reference");
            Objects.requireNonNull(referencedTable, "referenced table");
            if (columns.size() != referencedColumns.size()) {
                throw new IllegalArgumentException("foreign key " + name + " has " + columns.size()
                        + " columns but references " + referencedColumns.size());
            }
            onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
            onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
        }

        @Override
        public ForeignKey withName(String newName) {
            return new ForeignKey(newName, columns, referencedSchema, referencedTable,
                    referencedColumns, onDelete, onUpdate);
        }

        public ForeignKey onDelete(ReferentialAction action) {
            return new ForeignKey(name, columns, referencedSchema, referencedTable,
                    referencedColumns, action, onUpdate);
        }

        public ForeignKey onUpdate(ReferentialAction action) {
            return new ForeignKey(name, columns, referencedSchema, referencedTable,
                    referencedColumns, onDelete, action);
        }
    }

    private static List<String> nonEmpty(List<String> columns, String what) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one column");
        }
        return List.copyOf(columns);
    }
}
