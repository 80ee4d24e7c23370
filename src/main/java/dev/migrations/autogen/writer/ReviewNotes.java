package dev.migrations.autogen.writer;

import dev.migrations.api.model.ColumnChange;
import dev.migrations.api.model.Constraint;
import dev.migrations.api.operation.AddColumn;
import dev.migrations.api.operation.AddConstraint;
import dev.migrations.api.operation.AlterColumn;
import dev.migrations.api.operation.CreateIndex;
import dev.migrations.api.operation.CreateTable;
import dev.migrations.api.operation.DropColumn;
import dev.migrations.api.operation.DropConstraint;
import dev.migrations.api.operation.DropIndex;
import dev.migrations.api.operation.DropTable;
import dev.migrations.api.operation.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reviewer must look at in generated operations. A catalog cannot tell a rename from a
 * drop and an add, and data is lost in the difference, so the code says so where it matters.
 */
final class ReviewNotes {

    private final List<Operation> operations;

    ReviewNotes(List<Operation> operations) {
        this.operations = operations;
    }

    /** Notes for the whole body: drops that may have been renames. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        List<String> createdTables = operations.stream().filter(CreateTable.class::isInstance)
                .map(o -> ((CreateTable) o).table()).toList();
        for (Operation operation : operations) {
            if (operation instanceof DropTable drop && !createdTables.isEmpty()) {
                notes.add("table " + drop.table() + " is dropped while " + String.join(", ", createdTables)
                        + (createdTables.size() == 1 ? " is" : " are") + " created. If it was renamed, replace the "
                        + "dropTable and createTable with op.renameTable(\"" + drop.table() + "\", \"<new name>\") "
                        + "to keep its rows.");
            }
            if (operation instanceof DropColumn drop) {
                // A renamed column keeps its type: only columns of the same type are candidates.
                List<String> added = operations.stream().filter(AddColumn.class::isInstance).map(AddColumn.class::cast)
                        .filter(a -> a.table().equals(drop.table()))
                        .filter(a -> drop.definition() == null || a.column().type().equals(drop.definition().type()))
                        .map(a -> a.column().name()).toList();
                if (!added.isEmpty()) {
                    notes.add("column " + drop.table() + "." + drop.column() + " is dropped while "
                            + String.join(", ", added) + (added.size() == 1 ? " is" : " are") + " added. If it was "
                            + "renamed, replace the dropColumn and addColumn with op.renameColumn(\"" + drop.table()
                            + "\", \"" + drop.column() + "\", \"<new name>\") to keep its values.");
                }
            }
        }
        return notes;
    }

    /**
     * A note for one operation that loses data, may fail on existing rows, or rebuilds a key on
     * a populated table; null if none.
     *
     * @param method the method the operation runs in ({@code upgrade} or {@code downgrade}),
     *               which is what fails when it does
     */
    String warning(Operation operation, String method) {
        String loss = lossOrFailure(operation, method);
        return loss != null ? loss : rebuild(operation);
    }

    /**
     * A primary key, unique constraint or index dropped and added again in another shape: on a
     * populated table, building its index locks the table against writes for as long as that takes,
     * and the new key fails if existing rows repeat it.
     */
    private String rebuild(Operation operation) {
        if (operation instanceof AddConstraint add && add.constraint() instanceof Constraint.PrimaryKey key
                && operations.stream().anyMatch(o -> o instanceof DropConstraint drop
                && drop.table().equals(add.table()) && drop.definition() instanceof Constraint.PrimaryKey)) {
            return "rebuilds the primary key of " + add.table() + " on (" + String.join(", ", key.columns())
                    + "): on a populated table it locks the table against writes while its index is built";
        }
        if (operation instanceof AddConstraint add && add.constraint() instanceof Constraint.Unique unique
                && operations.stream().anyMatch(o -> o instanceof DropConstraint drop
                && drop.table().equals(add.table()) && drop.name().equals(unique.name()))) {
            return "rebuilds unique constraint " + unique.name() + " of " + add.table() + " on ("
                    + String.join(", ", unique.columns()) + "): on a populated table it locks the table against writes "
                    + "while its index is built, and fails if rows repeat the new key";
        }
        if (operation instanceof CreateIndex create && operations.stream().anyMatch(o -> o instanceof DropIndex drop
                && drop.name().equals(create.index().name()))) {
            return "rebuilds index " + create.index().name() + " of " + create.table() + " on ("
                    + String.join(", ", create.index().columns()) + "): on a populated table it locks the table "
                    + "against writes while it is built (op.createIndexConcurrently does not, outside a transaction)";
        }
        return null;
    }

    private static String lossOrFailure(Operation operation, String method) {
        if (operation instanceof DropTable drop) {
            return "drops table " + drop.table() + " with all its rows";
        }
        if (operation instanceof DropColumn drop) {
            return "drops column " + drop.table() + "." + drop.column() + " with its values";
        }
        if (operation instanceof AlterColumn alter) {
            for (ColumnChange change : alter.changes()) {
                if (change instanceof ColumnChange.TypeChange type && type.from() != null
                        && !Widening.isWidening(type.from(), type.to())) {
                    return "changes the type of " + alter.table() + "." + alter.column() + " from " + type.from()
                            + " to " + type.to() + "; a value that does not convert fails the " + method
                            + " (type(from, to, using) takes an expression)";
                }
            }
            for (ColumnChange change : alter.changes()) {
                if (change instanceof ColumnChange.NullabilityChange nullability && !nullability.nullable()) {
                    return alter.table() + "." + alter.column() + " becomes NOT NULL; the " + method
                            + " fails if a row holds NULL";
                }
            }
        }
        if (operation instanceof AddColumn add && !add.column().isNullable() && add.column().serverDefault() == null
                && !add.column().isIdentity()) {
            return "adds NOT NULL column " + add.table() + "." + add.column().name()
                    + " without a default; fails if the table has rows";
        }
        return null;
    }
}
