package dev.migrations.api.operation;

import dev.migrations.api.IrreversibleOperationException;
import dev.migrations.api.model.Constraint;
import java.util.Objects;

/**
 * @param notValid add a foreign key or check {@code NOT VALID}: enforced for new rows at once,
 *                 existing rows left for a later {@code VALIDATE CONSTRAINT}, so that adding it
 *                 does not scan the table under its lock
 */
public record AddConstraint(String schema, String table, Constraint constraint, boolean notValid)
        implements Operation {
    public AddConstraint {
        Objects.requireNonNull(table, "table name");
        Objects.requireNonNull(constraint, "constraint");
        if (notValid && !(constraint instanceof Constraint.ForeignKey || constraint instanceof Constraint.Check)) {
            throw new IllegalArgumentException("only a foreign key or a check can be added NOT VALID, not "
                    + constraint.kind() + (constraint.name() == null ? "" : " " + constraint.name()));
        }
    }

    public AddConstraint(String schema, String table, Constraint constraint) {
        this(schema, table, constraint, false);
    }

    @Override
    public DropConstraint reverse() {
        if (constraint.name() == null) {
            throw new IrreversibleOperationException("cannot reverse " + describe()
                    + ": give the constraint a name so that it can be dropped");
        }
        return new DropConstraint(schema, table, constraint.name(), constraint);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.addConstraint(this);
    }

    @Override
    public String describe() {
        String name = constraint.name() == null ? "" : " " + constraint.name();
        return "add " + constraint.kind() + name + (notValid ? " (not valid)" : "") + " to "
                + Operation.qualified(schema, table);
    }
}
