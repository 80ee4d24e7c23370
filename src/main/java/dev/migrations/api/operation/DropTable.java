package dev.migrations.api.operation;

import dev.migrations.api.IrreversibleOperationException;
import java.util.Objects;

/**
 * @param definition the dropped table's full definition, or null when unknown (then the drop
 *                   cannot be reversed)
 */
public record DropTable(String schema, String table, CreateTable definition) implements Operation {
    public DropTable {
        Objects.requireNonNull(table, "table name");
    }

    @Override
    public CreateTable reverse() {
        if (definition == null) {
            throw new IrreversibleOperationException("cannot reverse " + describe()
                    + ": the drop does not carry the table's definition");
        }
        return definition;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropTable(this);
    }

    @Override
    public String describe() {
        return "drop table " + Operation.qualified(schema, table);
    }

    @Override
    public boolean isDestructive() {
        return true;
    }
}
