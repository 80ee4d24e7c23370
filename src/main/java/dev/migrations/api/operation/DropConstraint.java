package dev.migrations.api.operation;

import dev.migrations.api.IrreversibleOperationException;
import dev.migrations.api.model.Constraint;
import java.util.Objects;

/** @param definition the dropped constraint, or null when unknown */
public record DropConstraint(String schema, String table, String name, Constraint definition)
        implements Operation {
    public DropConstraint {
        Objects.requireNonNull(table, "table name");
        Objects.requireNonNull(name, "constraint name");
    }

    @Override
    public AddConstraint reverse() {
        if (definition == null) {
            throw new IrreversibleOperationException("cannot reverse " + describe()
                    + ": the drop does not carry the constraint's definition");
        }
        return new AddConstraint(schema, table, definition.withName(name));
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropConstraint(this);
    }

    @Override
    public String describe() {
        return "drop constraint " + name + " from " + Operation.qualified(schema, table);
    }
}
