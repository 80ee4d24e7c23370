package dev.migrations.api.operation;

import dev.migrations.api.model.Index;
import java.util.Objects;

/**
 * @param concurrently build without locking writes ({@code CREATE INDEX CONCURRENTLY}); the
 *                     revision must then be declared non-transactional
 */
public record CreateIndex(String schema, String table, Index index, boolean concurrently)
        implements Operation {
    public CreateIndex {
        Objects.requireNonNull(table, "table name");
        Objects.requireNonNull(index, "index");
    }

    @Override
    public DropIndex reverse() {
        return new DropIndex(schema, table, index.name(), index, concurrently);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createIndex(this);
    }

    @Override
    public String describe() {
        return "create index " + index.name() + " on " + Operation.qualified(schema, table);
    }
}
