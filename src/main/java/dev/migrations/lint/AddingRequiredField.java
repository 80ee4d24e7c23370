package dev.migrations.lint;

import dev.migrations.api.model.Column;
import dev.migrations.api.operation.AddColumn;
import java.util.Optional;

/** A NOT NULL column without a default: PostgreSQL has nothing to put in the rows already there, and fails. */
final class AddingRequiredField implements LintRule {

    @Override
    public String id() {
        return "adding-required-field";
    }

    @Override
    public String safePattern() {
        return "add it nullable, backfill, then set NOT NULL; or give it a server default";
    }

    @Override
    public Optional<String> check(OperationInRevision in) {
        if (!(in.operation() instanceof AddColumn add) || !in.existsBefore(add.schema(), add.table())) {
            return Optional.empty();
        }
        Column column = add.column();
        if (column.isNullable() || column.serverDefault() != null || column.isIdentity()) {
            return Optional.empty();
        }
        return Optional.of("adds NOT NULL column " + add.table() + "." + column.name()
                + " without a default; fails if the table has rows" + in.size(add.schema(), add.table()));
    }
}
