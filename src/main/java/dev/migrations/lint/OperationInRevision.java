package dev.migrations.lint;

import dev.migrations.api.operation.CreateTable;
import dev.migrations.api.operation.Operation;
import java.util.List;
import java.util.Objects;

/**
 * One operation with what a rule needs to judge it: the revision's other operations (a table
 * created earlier in the same revision holds no row and no running release uses it, so
 * nothing done to it can hurt), and what is known of the live tables.
 */
record OperationInRevision(List<Operation> revision, int index, TableFacts tables) {

    Operation operation() {
        return revision.get(index);
    }

    /** Whether the table was there before the revision: no earlier operation of it creates it. */
    boolean existsBefore(String schema, String table) {
        return revision.subList(0, index).stream().noneMatch(o -> o instanceof CreateTable create
                && create.table().equals(table) && Objects.equals(create.schema(), schema));
    }

    /** The live table's size for a message, such as {@code  (customer: about 12,000 rows, 1.4 MB)}; empty when unknown. */
    String size(String schema, String table) {
        return tables.size(schema, table)
                .map(size -> size.isEmpty() ? " (" + table + " is empty now)" : " (" + table + ": " + size.describe() + ")")
                .orElse("");
    }

    /** The other operations of the revision of type {@code type}. */
    <T extends Operation> List<T> others(Class<T> type) {
        return revision.stream().filter(o -> o != operation()).filter(type::isInstance).map(type::cast).toList();
    }
}
