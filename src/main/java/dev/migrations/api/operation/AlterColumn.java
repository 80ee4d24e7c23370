package dev.migrations.api.operation;

import dev.migrations.api.model.ColumnChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

public record AlterColumn(String schema, String table, String column, List<ColumnChange> changes)
        implements Operation {
    public AlterColumn {
        Objects.requireNonNull(table, "table name");
        Objects.requireNonNull(column, "column name");
        if (changes == null || changes.isEmpty()) {
            throw new IllegalArgumentException("alter column " + column + " needs at least one change");
        }
        changes = List.copyOf(changes);
    }

    @Override
    public AlterColumn reverse() {
        List<ColumnChange> reversed = new ArrayList<>(changes.size());
        for (ColumnChange change : changes) {
            reversed.add(change.reverse());
        }
        Collections.reverse(reversed);
        return new AlterColumn(schema, table, column, reversed);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.alterColumn(this);
    }

    @Override
    public String describe() {
        return "alter column " + column + " of " + Operation.qualified(schema, table);
    }

    /** Narrowing a type or forbidding nulls can fail on, or truncate, existing data. */
    @Override
    public boolean isDestructive() {
        return changes.stream().anyMatch(c -> c instanceof ColumnChange.TypeChange);
    }
}
