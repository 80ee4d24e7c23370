package dev.migrations.api.operation;

import java.util.Objects;

public record RenameColumn(String schema, String table, String from, String to) implements Operation {
    public RenameColumn {
        Objects.requireNonNull(table, "table name");
        Objects.requireNonNull(from, "column name");
        Objects.requireNonNull(to, "new column name");
    }

    @Override
    public RenameColumn reverse() {
        return new RenameColumn(schema, table, to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameColumn(this);
    }

    @Override
    public String describe() {
        return "rename column " + from + " of " + Operation.qualified(schema, table) + " to " + to;
    }
}
