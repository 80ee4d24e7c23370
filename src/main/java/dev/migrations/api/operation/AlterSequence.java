package dev.migrations.api.operation;

import dev.migrations.api.model.Sequence;
import java.util.Objects;

/**
 * Changes a sequence's increment or start in place: its current value stays, where a drop and
 * a create would start it over and hand out ids already taken.
 *
 * @param from the sequence as it is, which the reverse restores
 * @param to   the sequence as it becomes; the same name
 */
public record AlterSequence(String schema, Sequence from, Sequence to) implements Operation {
    public AlterSequence {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.name().equals(to.name())) {
            throw new IllegalArgumentException("alterSequence changes one sequence: " + from.name() + " is not "
                    + to.name() + " (rename it with execute(...))");
        }
    }

    @Override
    public AlterSequence reverse() {
        return new AlterSequence(schema, to, from);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.alterSequence(this);
    }

    @Override
    public String describe() {
        return "alter sequence " + Operation.qualified(schema, to.name());
    }
}
