package dev.migrations.autogen.schema;

import dev.migrations.api.model.Column;
import dev.migrations.api.model.Constraint;
import dev.migrations.api.model.Index;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table as the database itself describes it: types as {@code format_type} spells them,
 * defaults as {@code pg_get_expr} prints them, constraints under the names the database
 * holds. Both sides of a diff are tables read this way, so a difference between two of them
 * is a real one.
 *
 * @param primaryKey the primary key, or null when the table has none
 * @param indexes    indexes that do not back a primary key or unique constraint
 * @param comment    the table comment, or null
 */
public record Table(String name, List<Column> columns, Constraint.PrimaryKey primaryKey,
                    List<Constraint.Unique> uniques, List<Constraint.Check> checks,
                    List<Constraint.ForeignKey> foreignKeys, List<Index> indexes, String comment) {

    public Table {
        Objects.requireNonNull(name, "table name");
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
