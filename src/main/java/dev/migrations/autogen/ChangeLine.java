package dev.migrations.autogen;

import dev.migrations.api.model.ColumnChange;
import dev.migrations.api.operation.AlterColumn;
import dev.migrations.api.operation.AlterSequence;
import dev.migrations.api.operation.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * One difference as {@code revision} and {@code check} list it: the operation, and for a change
 * in place what changes, since "alter column phone of customer" alone does not tell a reviewer
 * (or a failed CI gate) whether the length or the nullability moved.
 */
final class ChangeLine {

    private ChangeLine() {
    }

    static String of(Operation operation) {
        if (operation instanceof AlterColumn alter) {
            List<String> parts = new ArrayList<>();
            for (ColumnChange change : alter.changes()) {
                parts.add(describe(change));
            }
            return alter.describe() + ": " + String.join(", ", parts);
        }
        if (operation instanceof AlterSequence alter) {
            List<String> parts = new ArrayList<>();
            if (alter.from().start() != alter.to().start()) {
                parts.add("start " + alter.from().start() + " -> " + alter.to().start());
            }
            if (alter.from().increment() != alter.to().increment()) {
                parts.add("increment " + alter.from().increment() + " -> " + alter.to().increment());
            }
            return alter.describe() + ": " + String.join(", ", parts);
        }
        return operation.describe();
    }

    private static String describe(ColumnChange change) {
        if (change instanceof ColumnChange.TypeChange type) {
            return "type " + (type.from() == null ? "" : type.from() + " -> ") + type.to();
        }
        if (change instanceof ColumnChange.NullabilityChange nullability) {
            return nullability.nullable() ? "drop not null" : "set not null";
        }
        if (change instanceof ColumnChange.DefaultChange defaults) {
            return "default " + (defaults.from() == null ? "none" : defaults.from()) + " -> "
                    + (defaults.to() == null ? "none" : defaults.to());
        }
        return "comment";
    }
}
