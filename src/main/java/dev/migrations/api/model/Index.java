package dev.migrations.api.model;

import java.util.List;
import java.util.Objects;

/**
 * An index on columns of one table.
 *
 * @param where a SQL predicate for a partial index, or null
 */
public record Index(String name, List<String> columns, boolean isUnique, String where) {
    public Index {
        Objects.requireNonNull(name, "index name");
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " needs at least one column");
        }
        columns = List.copyOf(columns);
    }

    public Index unique() {
        return new Index(name, columns, true, where);
    }

    public Index where(String predicate) {
        return new Index(name, columns, isUnique, predicate);
    }
}
