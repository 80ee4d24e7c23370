package dev.migrations.api.operation;

import dev.migrations.api.IrreversibleOperationException;
import dev.migrations.api.model.Constraint;
import java.util.Objects;

public record AddConstraint(String schema, String table, Constraint constraint) implements Operation {
    public AddConstraint {
        Objects.requireNonNull(table, "table name");
        Objects.requireNonNull(constraint, "constraint");
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
        return "add " + constraint.kind() + name + " to " + Operation.qualified(schema, table);
    }
}
