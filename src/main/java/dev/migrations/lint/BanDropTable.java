package dev.migrations.lint;

import dev.migrations.api.operation.CreateTable;
import dev.migrations.api.operation.DropTable;
import java.util.List;
import java.util.Optional;

/**
 * A dropped table loses its rows, and the release still running during a deploy fails on it.
 * Where the revision creates tables, the drop may have been meant as a rename.
 */
final class BanDropTable implements LintRule {

    @Override
    public String id() {
        return "ban-drop-table";
    }

    @Override
    public String safePattern() {
        return "stop using it in one release, drop it in a later one";
    }

    @Override
    public Optional<String> check(OperationInRevision in) {
        if (!(in.operation() instanceof DropTable drop) || !in.existsBefore(drop.schema(), drop.table())) {
            return Optional.empty();
        }
        List<String> created = in.others(CreateTable.class).stream().map(CreateTable::table).toList();
        String rename = created.isEmpty() ? "" : "; " + String.join(", ", created)
                + (created.size() == 1 ? " is" : " are") + " created: if it was renamed, replace the dropTable and"
                + " createTable with op.renameTable(\"" + drop.table() + "\", \"<new name>\") to keep its rows";
        return Optional.of("drops table " + drop.table() + " with all its rows" + in.size(drop.schema(), drop.table())
                + "; a release still running that uses it fails" + rename);
    }
}
