package dev.migrations.api.operation;

import dev.migrations.api.model.Sequence;
import java.util.Objects;

public record CreateSequence(String schema, Sequence sequence) implements Operation {
    public CreateSequence {
        Objects.requireNonNull(sequence, "sequence");
    }

    @Override
    public DropSequence reverse() {
        return new DropSequence(schema, sequence.name(), sequence);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.createSequence(this);
    }

    @Override
    public String describe() {
        return "create sequence " + Operation.qualified(schema, sequence.name());
    }
}
