package dev.migrations.api.operation;

/**
 * One schema change as data. The same objects are written by autogenerate, rendered to Java
 * by the writer, rendered to SQL by a dialect, and reversed for {@code downgrade()}.
 *
 * <p>{@code schema} fields are null for the migration's default schema.
 */
public sealed interface Operation permits CreateTable, DropTable, RenameTable, SetTableComment,
        AddColumn, DropColumn, AlterColumn, RenameColumn, CreateIndex, DropIndex, AddConstraint,
        DropConstraint, CreateSequence, AlterSequence, DropSequence, ExecuteSql, BulkInsert, RunJdbc {

    /**
     * The operation that undoes this one.
     *
     * @throws dev.migrations.api.IrreversibleOperationException when this operation does not
     *         carry the state needed to undo it (a drop without the dropped definition, raw SQL)
     */
    Operation reverse();

    /** Hands this operation to the visitor's method for its kind, and returns what that gives. */
    <R> R accept(OperationVisitor<R> visitor);

    /** A short phrase for logs and errors, e.g. {@code add column phone to customer}. */
    String describe();

    /** Whether the operation destroys data or schema and so deserves a reviewer's look. */
    default boolean isDestructive() {
        return false;
    }

    static String qualified(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }
}
