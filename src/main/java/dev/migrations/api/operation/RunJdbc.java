package dev.migrations.api.operation;

import dev.migrations.api.IrreversibleOperationException;
import dev.migrations.api.JdbcWork;
import java.util.Objects;

/** Data-migration code run on the migration's connection. */
public record RunJdbc(String description, JdbcWork work) implements Operation {
    public RunJdbc {
        Objects.requireNonNull(work, "work");
        description = description == null ? "run JDBC code" : description;
    }

    @Override
    public Operation reverse() {
        throw new IrreversibleOperationException("cannot reverse JDBC code; undo it in downgrade()");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.runJdbc(this);
    }

    @Override
    public String describe() {
        return description;
    }
}
