package dev.migrations.autogen.diff;

import dev.migrations.api.model.Constraint;
import dev.migrations.autogen.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders tables so that each is created after the tables its foreign keys point at (drops use
 * the reverse). Tables that point at each other in a cycle cannot all be created with their
 * foreign keys inline: the keys that close a cycle are added once all tables exist.
 */
final class TableOrder {

    /**
     * @param inlineForeignKeys the table's foreign keys that can be declared with it
     * @param laterForeignKeys  the ones pointing at a table created after it
     */
    record Placed(Table table, List<Constraint.ForeignKey> inlineForeignKeys,
                  List<Constraint.ForeignKey> laterForeignKeys) {
    }

    private TableOrder() {
    }

    /** {@code tables} in an order that creates them; input order (by name) breaks ties. */
    static List<Placed> creation(List<Table> tables) {
        Map<String, Table> pending = new LinkedHashMap<>();
        tables.forEach(t -> pending.put(t.name(), t));
        List<Placed> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            Table next = null;
            for (Table candidate : pending.values()) {
                if (dependsOnPending(candidate, pending)) {
                    continue;
                }
                next = candidate;
                break;
            }
            if (next == null) {
                // A cycle: place the first table anyway; its keys into pending tables come later.
                next = pending.values().iterator().next();
            }
            pending.remove(next.name());
            List<Constraint.ForeignKey> inline = new ArrayList<>();
            List<Constraint.ForeignKey> later = new ArrayList<>();
            for (Constraint.ForeignKey key : next.foreignKeys()) {
                boolean intoPending = key.referencedSchema() == null && pending.containsKey(key.referencedTable());
                (intoPending ? later : inline).add(key);
            }
            order.add(new Placed(next, inline, later));
        }
        return order;
    }

    private static boolean dependsOnPending(Table table, Map<String, Table> pending) {
        for (Constraint.ForeignKey key : table.foreignKeys()) {
            if (key.referencedSchema() == null && !key.referencedTable().equals(table.name())
                    && pending.containsKey(key.referencedTable())) {
                return true;
            }
        }
        return false;
    }
}
