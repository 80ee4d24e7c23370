package dev.migrations.api.operation;

import java.util.Objects;

/** Sets, changes or removes (null) a table comment; {@code from} is the comment before. */
public record SetTableComment(String schema, String table, String from, String to) implements Operation {
    public SetTableComment {
        Objects.requireNonNull(table, "table name");
    }

    @Override
    public SetTableComment reverse() {
        return new SetTableComment(schema, table, to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.setTableComment(this);
    }

    @Override
    public String describe() {
        return "set comment on table " + Operation.qualified(schema, table);
    }
}
