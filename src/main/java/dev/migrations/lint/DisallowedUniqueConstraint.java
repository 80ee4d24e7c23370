package dev.migrations.lint;

import dev.migrations.api.model.Constraint;
import dev.migrations.api.operation.AddConstraint;
import java.util.List;
import java.util.Optional;

/**
 * A unique constraint or primary key added to a table builds its index under an ACCESS
 * EXCLUSIVE lock (reads wait too), and fails if rows repeat the key. The same holds when a key
 * is dropped and added again in another shape.
 */
final class DisallowedUniqueConstraint implements LintRule {

    @Override
    public String id() {
        return "disallowed-unique-constraint";
    }

    @Override
    public String safePattern() {
        return "build a unique index concurrently, then add the constraint USING INDEX";
    }

    @Override
    public Optional<String> check(OperationInRevision in) {
        if (!(in.operation() instanceof AddConstraint add) || !in.existsBefore(add.schema(), add.table())) {
            return Optional.empty();
        }
        List<String> columns;
        String what;
        if (add.constraint() instanceof Constraint.PrimaryKey key) {
            columns = key.columns();
            what = "the primary key of " + add.table();
        } else if (add.constraint() instanceof Constraint.Unique unique) {
            columns = unique.columns();
            what = "unique constraint " + (unique.name() == null ? "" : unique.name() + " ") + "of " + add.table();
        } else {
            return Optional.empty();
        }
        return Optional.of("adds " + what + " on (" + String.join(", ", columns) + "): builds its index while"
                + " the table is locked against reads and writes, and fails if rows repeat the key"
                + in.size(add.schema(), add.table()));
    }
}
