package dev.migrations.lint;

import java.util.Map;
import java.util.Optional;

/**
 * What is known of the live tables a revision acts on: nothing when there is no database (the
 * writer, verify's throwaway databases), their sizes when check reads the database itself.
 *
 * @param sizes         by {@code schema.table}
 * @param defaultSchema the schema an operation without one acts on
 */
public record TableFacts(Map<String, TableSize> sizes, String defaultSchema) {

    public static final TableFacts NONE = new TableFacts(Map.of(), null);

    public TableFacts {
        sizes = Map.copyOf(sizes);
    }

    public Optional<TableSize> size(String schema, String table) {
        String qualified = (schema == null ? defaultSchema : schema) + "." + table;
        return Optional.ofNullable(sizes.get(qualified));
    }
}
