package dev.migrations.api.model;

import dev.migrations.api.IrreversibleOperationException;
import java.util.Objects;

/**
 * One aspect of an altered column. Each change carries the state before it as well as after
 * it: that is what makes the alteration reversible.
 */
public sealed interface ColumnChange {

    ColumnChange reverse();

    /**
     * @param from  the type before, or null when unknown (then the change cannot be reversed)
     * @param using a SQL expression converting existing values ({@code USING}), or null
     */
    record TypeChange(SqlType from, SqlType to, String using) implements ColumnChange {
        public TypeChange {
            Objects.requireNonNull(to, "new type");
        }

        @Override
        public TypeChange reverse() {
            if (from == null) {
                throw new IrreversibleOperationException(
                        "the type change to " + to + " does not say the previous type");
            }
            return new TypeChange(to, from, null);
        }
    }

    record NullabilityChange(boolean nullable) implements ColumnChange {
        @Override
        public NullabilityChange reverse() {
            return new NullabilityChange(!nullable);
        }
    }

    /** A server default set, changed or dropped; null on either side means no default. */
    record DefaultChange(String from, String to) implements ColumnChange {
        @Override
        public DefaultChange reverse() {
            return new DefaultChange(to, from);
        }
    }

    /** A column comment set, changed or removed; null on either side means no comment. */
    record CommentChange(String from, String to) implements ColumnChange {
        @Override
        public CommentChange reverse() {
            return new CommentChange(to, from);
        }
    }
}
