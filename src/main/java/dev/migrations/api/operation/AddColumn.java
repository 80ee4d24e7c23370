package dev.migrations.api.operation;

import dev.migrations.api.model.Column;
import java.util.Objects;

public record AddColumn(String schema, String table, Column column) implements Operation {
    public AddColumn {
        Objects.requireNonNull(table, "table name");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public DropColumn reverse() {
        return new DropColumn(schema, table, column.name(), column);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.addColumn(this);
    }

    @Override
    public String describe() {
        return "add column " + column.name() + " to " + Operation.qualified(schema, table);
    }
}
