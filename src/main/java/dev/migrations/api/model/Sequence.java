package dev.migrations.api.model;

import java.util.Objects;

/** A sequence, as Hibernate's sequence generators use them. */
public record Sequence(String name, long start, long increment) {
    public Sequence {
        Objects.requireNonNull(name, "sequence name");
        if (increment == 0) {
            throw new IllegalArgumentException("sequence " + name + " needs a non-zero increment");
        }
    }

    public static Sequence of(String name) {
        return new Sequence(name, 1, 1);
    }

    public Sequence startWith(long value) {
        return new Sequence(name, value, increment);
    }

    public Sequence incrementBy(long value) {
        return new Sequence(name, start, value);
    }
}
