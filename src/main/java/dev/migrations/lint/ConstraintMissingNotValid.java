package dev.migrations.lint;

import dev.migrations.api.model.Constraint;
import dev.migrations.api.operation.AddConstraint;
import java.util.Optional;

/**
 * A foreign key or check added as valid is checked against every existing row while the table
 * is locked: a foreign key blocks writes to both tables, a check blocks reads and writes. Added
 * NOT VALID it is enforced for new rows at once, and VALIDATE CONSTRAINT later checks the old
 * ones under a lock that lets reads and writes through.
 */
final class ConstraintMissingNotValid implements LintRule {

    @Override
    public String id() {
        return "constraint-missing-not-valid";
    }

    @Override
    public String safePattern() {
        return "op.addConstraintNotValid, then VALIDATE CONSTRAINT in a transaction of its own";
    }

    @Override
    public Optional<String> check(OperationInRevision in) {
        if (!(in.operation() instanceof AddConstraint add) || add.notValid()
                || !in.existsBefore(add.schema(), add.table())) {
            return Optional.empty();
        }
        String locked;
        if (add.constraint() instanceof Constraint.ForeignKey key) {
            locked = "writes to " + add.table() + " and " + key.referencedTable() + " wait";
        } else if (add.constraint() instanceof Constraint.Check) {
            locked = "reads and writes of " + add.table() + " wait";
        } else {
            return Optional.empty();
        }
        String name = add.constraint().name() == null ? "" : " " + add.constraint().name();
        return Optional.of("adds " + add.constraint().kind() + name + " to " + add.table() + " without NOT VALID:"
                + " every existing row is checked while " + locked + ", and it fails if one does not satisfy it"
                + in.size(add.schema(), add.table()));
    }
}
