package dev.migrations.autogen.writer;

import dev.migrations.api.model.ColumnChange;
import dev.migrations.api.operation.AddColumn;
import dev.migrations.api.operation.AlterColumn;
import dev.migrations.api.operation.CreateTable;
import dev.migrations.api.operation.DropColumn;
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

    /** A note for one operation that loses data or may fail on existing rows; null if none. */
    static String warning(Operation operation) {
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
                            + " to " + type.to() + "; a value that does not convert fails the upgrade (type(from, to, using)"
                            + " takes an expression)";
                }
            }
            for (ColumnChange change : alter.changes()) {
                if (change instanceof ColumnChange.NullabilityChange nullability && !nullability.nullable()) {
                    return alter.table() + "." + alter.column() + " becomes NOT NULL; fails if a row holds NULL";
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
