package dev.migrations.engine.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One SQL statement, with rows of bind parameters when it is a batch (bulk insert). Values
 * travel as parameters, never inside the SQL text.
 */
public record SqlStatement(String sql, List<List<Object>> parameterRows) {
    public SqlStatement {
        List<List<Object>> rows = new ArrayList<>();
        if (parameterRows != null) {
            for (List<Object> row : parameterRows) {
                // values may be null, which List.copyOf refuses
                rows.add(Collections.unmodifiableList(new ArrayList<>(row)));
            }
        }
        parameterRows = Collections.unmodifiableList(rows);
    }

    public static SqlStatement of(String sql) {
        return new SqlStatement(sql, List.of());
    }

    public boolean isBatch() {
        return !parameterRows.isEmpty();
    }
}
