package dev.migrations.api.operation;

import dev.migrations.api.IrreversibleOperationException;
import dev.migrations.api.model.Sequence;
import java.util.Objects;

/** @param definition the dropped sequence, or null when unknown */
public record DropSequence(String schema, String name, Sequence definition) implements Operation {
    public DropSequence {
        Objects.requireNonNull(name, "sequence name");
    }

    @Override
    public CreateSequence reverse() {
        if (definition == null) {
            throw new IrreversibleOperationException("cannot reverse " + describe()
                    + ": the drop does not carry the sequence's definition");
        }
        return new CreateSequence(schema, definition);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.dropSequence(this);
    }

    @Override
    public String describe() {
        return "drop sequence " + Operation.qualified(schema, name);
    }
}
