package dev.migrations.api.operation;

import dev.migrations.api.model.Column;
import dev.migrations.api.model.Constraint;
import java.util.List;
import java.util.Objects;

public record CreateTable(String schema, String table, List<Column> columns,
                          List<Constraint> constraints, String comment) implements Operation {
    public CreateTable {
        Objects.requireNonNull(table, "table name");
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("table " + table + " needs at least one column");
        }
        columns = List.copyOf(columns);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    @Override
    public DropTable reverse() {
        return new DropTable(schema, table, this);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createTable(this);
    }

    @Override
    public String describe() {
        return "create table " + Operation.qualified(schema, table);
    }
}
