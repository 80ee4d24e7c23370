package dev.migrations.api.operation;

import dev.migrations.api.IrreversibleOperationException;
import dev.migrations.api.model.Index;
import java.util.Objects;

/**
 * @param table      the indexed table, needed only to reverse the drop (may be null otherwise)
 * @param definition the dropped index, or null when unknown
 */
public record DropIndex(String schema, String table, String name, Index definition, boolean concurrently)
        implements Operation {
    public DropIndex {
        Objects.requireNonNull(name, "index name");
    }

    @Override
    public CreateIndex reverse() {
        if (definition == null || table == null) {
            throw new IrreversibleOperationException("cannot reverse " + describe()
                    + ": the drop does not carry the index's table and definition");
        }
        return new CreateIndex(schema, table, definition, concurrently);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropIndex(this);
    }

    @Override
    public String describe() {
        return "drop index " + Operation.qualified(schema, name);
    }
}
