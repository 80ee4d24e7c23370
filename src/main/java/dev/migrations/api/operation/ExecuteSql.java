package dev.migrations.api.operation;

import dev.migrations.api.IrreversibleOperationException;
import java.util.Objects;

/**
 * Raw SQL, run as written. It is the one place where the author, not the tool, is responsible
 * for quoting.
 *
 * @param reverseSql SQL that undoes this statement, or null when it cannot be undone
 */
public record ExecuteSql(String sql, String reverseSql) implements Operation {
    public ExecuteSql {
        Objects.requireNonNull(sql, "sql");
    }

    @Override
    public ExecuteSql reverse() {
        if (reverseSql == null) {
            throw new IrreversibleOperationException("cannot reverse raw SQL; write its inverse in downgrade()");
        }
        return new ExecuteSql(reverseSql, sql);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.executeSql(this);
    }

    @Override
    public String describe() {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return "execute " + (flat.length() > 60 ? flat.substring(0, 57) + "..." : flat);
    }
}
