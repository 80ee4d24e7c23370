package dev.migrations.api.operation;

import dev.migrations.api.IrreversibleOperationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Rows inserted with bound parameters: values are never pasted into SQL. */
public record BulkInsert(String schema, String table, List<Map<String, Object>> rows) implements Operation {
    public BulkInsert {
        Objects.requireNonNull(table, "table name");
        List<Map<String, Object>> copy = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            // keeps column order and allows null values, which Map.copyOf does not
            copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    @Override
    public Operation reverse() {
        throw new IrreversibleOperationException("cannot reverse a bulk insert into " + table
                + "; delete the rows in downgrade()");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.bulkInsert(this);
    }

    @Override
    public String describe() {
        return "insert " + rows.size() + " row(s) into " + Operation.qualified(schema, table);
    }
}
