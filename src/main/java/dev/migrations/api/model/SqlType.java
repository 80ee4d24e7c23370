package dev.migrations.api.model;

import java.util.Objects;

/**
 * A column type in the database's own vocabulary: a name such as {@code varchar},
 * {@code numeric} or {@code timestamp with time zone}, with an optional size (length or
 * precision) and scale. Dialects decide how size and scale are spelled.
 */
public record SqlType(String name, Integer size, Integer scale) {

    public SqlType {
        Objects.requireNonNull(name, "type name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("type name must not be blank");
        }
        if (scale != null && size == null) {
            throw new IllegalArgumentException("a scale needs a precision: " + name);
        }
    }

    public static SqlType of(String name) {
        return new SqlType(name, null, null);
    }

    public static SqlType of(String name, int size) {
        return new SqlType(name, size, null);
    }

    public static SqlType of(String name, int size, int scale) {
        return new SqlType(name, size, scale);
    }

    @Override
    public String toString() {
        if (size == null) {
            return name;
        }
        // the size goes before array brackets: varchar(20)[]
        int array = name.indexOf('[');
        String base = array < 0 ? name : name.substring(0, array).stripTrailing();
        return base + "(" + size + (scale == null ? "" : "," + scale) + ")" + (array < 0 ? "" : name.substring(array));
    }
}
