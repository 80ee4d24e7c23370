package dev.migrations.lint;

import dev.migrations.api.operation.RenameTable;
import java.util.Optional;

/** The release still running during a deploy knows the table by its old name, and fails on it. */
final class RenamingTable implements LintRule {

    @Override
    public String id() {
        return "renaming-table";
    }

    @Override
    public String safePattern() {
        return "rename it and create a view with the old name until no release uses it";
    }

    @Override
    public Optional<String> check(OperationInRevision in) {
        if (!(in.operation() instanceof RenameTable rename) || !in.existsBefore(rename.schema(), rename.from())) {
            return Optional.empty();
        }
        return Optional.of("renames table " + rename.from() + " to " + rename.to()
                + ": a release still running that uses the old name fails");
    }
}
