package dev.migrations.engine.dialect;

import java.util.List;

/**
 * One SQL statement, with rows of bind parameters when it is a batch (bulk insert). Values
 * travel as parameters, never inside the SQL text.
 */
public record SqlStatement(String sql, List<List<Object>> parameterRows) {
    public SqlStatement {
        parameterRows = parameterRows == null ? List.of() : List.copyOf(parameterRows);
    }

    public static SqlStatement of(String sql) {
        return new SqlStatement(sql, List.of());
    }

    public boolean isBatch() {
        return !parameterRows.isEmpty();
    }
}
