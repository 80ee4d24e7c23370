package dev.migrations.lint;

import dev.migrations.api.operation.RenameColumn;
import java.util.Optional;

/** The release still running during a deploy knows the column by its old name, and fails on it. */
final class RenamingColumn implements LintRule {

    @Override
    public String id() {
        return "renaming-column";
    }

    @Override
    public String safePattern() {
        return "add the new column, write both, backfill, read the new one, drop the old one later";
    }

    @Override
    public Optional<String> check(OperationInRevision in) {
        if (!(in.operation() instanceof RenameColumn rename) || !in.existsBefore(rename.schema(), rename.table())) {
            return Optional.empty();
        }
        return Optional.of("renames column " + rename.table() + "." + rename.from() + " to " + rename.to()
                + ": a release still running that uses the old name fails");
    }
}
