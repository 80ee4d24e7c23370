package dev.migrations.lint;

import dev.migrations.api.model.ColumnChange;
import dev.migrations.api.operation.AlterColumn;
import java.util.Optional;

/**
 * A type change that loses values or rewrites the table. Narrowing fails on (or truncates) a value
 * that does not fit; most other changes, integer to bigint included, rewrite every row and rebuild
 * every index while holding an ACCESS EXCLUSIVE lock.
 */
final class ChangingColumnType implements LintRule {

    @Override
    public String id() {
        return "changing-column-type";
    }

    @Override
    public String safePattern() {
        return "add a column of the new type, backfill in batches, switch to it, drop the old one later";
    }

    @Override
    public Optional<String> check(OperationInRevision in) {
        if (!(in.operation() instanceof AlterColumn alter) || !in.existsBefore(alter.schema(), alter.table())) {
            return Optional.empty();
        }
        String size = in.size(alter.schema(), alter.table());
        String column = alter.table() + "." + alter.column();
        for (ColumnChange change : alter.changes()) {
            if (!(change instanceof ColumnChange.TypeChange type)) {
                continue;
            }
            if (type.from() == null) {
                return Optional.of("changes the type of " + column + " to " + type.to() + " from a type it does not"
                        + " name: it may fail on existing values and rewrite the table under an ACCESS EXCLUSIVE lock"
                        + size);
            }
            if (!TypeConversion.keepsEveryValue(type.from(), type.to())) {
                return Optional.of("changes the type of " + column + " from " + type.from() + " to " + type.to()
                        + "; a value that does not convert fails it (type(from, to, using) takes an expression),"
                        + " and the table is rewritten under an ACCESS EXCLUSIVE lock" + size);
            }
            if (TypeConversion.rewritesTable(type.from(), type.to())) {
                return Optional.of("changes the type of " + column + " from " + type.from() + " to " + type.to()
                        + ": keeps every value, but rewrites the table and its indexes under an ACCESS EXCLUSIVE lock"
                        + size);
            }
        }
        return Optional.empty();
    }
}
