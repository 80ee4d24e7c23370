package dev.migrations.api.operation;

import java.util.Objects;

public record RenameTable(String schema, String from, String to) implements Operation {
    public RenameTable {
        Objects.requireNonNull(from, "table name");
        Objects.requireNonNull(to, "new table name");
    }

    @Override
    public RenameTable reverse() {
        return new RenameTable(schema, to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.renameTable(this);
    }

    @Override
    public String describe() {
        return "rename table " + Operation.qualified(schema, from) + " to " + to;
    }
}
