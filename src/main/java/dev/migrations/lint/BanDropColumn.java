package dev.migrations.lint;

import dev.migrations.api.operation.AddColumn;
import dev.migrations.api.operation.DropColumn;
import java.util.List;
import java.util.Optional;

/**
 * A dropped column loses its values, and the release still running during a deploy fails on
 * every statement that names it. A catalog cannot tell a rename from a drop and an add: where
 * the revision adds a column of the same type to the table, the message says how to keep the values.
 */
final class BanDropColumn implements LintRule {

    @Override
    public String id() {
        return "ban-drop-column";
    }

    @Override
    public String safePattern() {
        return "stop using it in one release, drop it in a later one";
    }

    @Override
    public Optional<String> check(OperationInRevision in) {
        if (!(in.operation() instanceof DropColumn drop) || !in.existsBefore(drop.schema(), drop.table())) {
            return Optional.empty();
        }
        // A renamed column keeps its type: only columns of the same type are candidates.
        List<String> added = in.others(AddColumn.class).stream()
                .filter(a -> a.table().equals(drop.table()))
                .filter(a -> drop.definition() == null || a.column().type().equals(drop.definition().type()))
                .map(a -> a.column().name()).toList();
        String rename = added.isEmpty() ? "" : "; " + String.join(", ", added) + (added.size() == 1 ? " is" : " are")
                + " added: if it was renamed, replace the dropColumn and addColumn with op.renameColumn(\""
                + drop.table() + "\", \"" + drop.column() + "\", \"<new name>\") to keep its values";
        return Optional.of("drops column " + drop.table() + "." + drop.column() + " with its values"
                + in.size(drop.schema(), drop.table()) + "; a release still running that uses it fails" + rename);
    }
}
