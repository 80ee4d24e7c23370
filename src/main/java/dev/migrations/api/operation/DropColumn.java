package dev.migrations.api.operation;

import dev.migrations.api.IrreversibleOperationException;
import dev.migrations.api.model.Column;
import java.util.Objects;

/** @param definition the dropped column's definition, or null when unknown */
public record DropColumn(String schema, String table, String column, Column definition) implements Operation {
    public DropColumn {
        Objects.requireNonNull(table, "table name");
        Objects.requireNonNull(column, "column name");
    }

    @Override
    public AddColumn reverse() {
        if (definition == null) {
            throw new IrreversibleOperationException("cannot reverse " + describe()
                    + ": the drop does not carry the column's definition");
        }
        return new AddColumn(schema, table, definition);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropColumn(this);
    }

    @Override
    public String describe() {
        return "drop column " + column + " from " + Operation.qualified(schema, table);
    }

    @Override
    public boolean isDestructive() {
        return true;
    }
}
