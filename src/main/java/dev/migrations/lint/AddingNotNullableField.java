package dev.migrations.lint;

import dev.migrations.api.model.ColumnChange;
import dev.migrations.api.operation.AlterColumn;
import java.util.Optional;

/**
 * SET NOT NULL reads the whole table under an ACCESS EXCLUSIVE lock to prove no row holds NULL,
 * and fails if one does; a validated {@code CHECK (c IS NOT NULL)} lets PostgreSQL 12+ skip the scan.
 */
final class AddingNotNullableField implements LintRule {

    @Override
    public String id() {
        return "adding-not-nullable-field";
    }

    @Override
    public String safePattern() {
        return "add CHECK (c IS NOT NULL) NOT VALID, validate it, then set NOT NULL";
    }

    @Override
    public Optional<String> check(OperationInRevision in) {
        if (!(in.operation() instanceof AlterColumn alter) || !in.existsBefore(alter.schema(), alter.table())
                || alter.changes().stream().noneMatch(c -> c instanceof ColumnChange.NullabilityChange n && !n.nullable())) {
            return Optional.empty();
        }
        return Optional.of(alter.table() + "." + alter.column() + " becomes NOT NULL: the whole table is scanned"
                + " under an ACCESS EXCLUSIVE lock, and it fails if a row holds NULL"
                + in.size(alter.schema(), alter.table()));
    }
}
