package dev.migrations.lint;

import dev.migrations.api.model.SqlType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a column type change does to the rows already there, in PostgreSQL. Two separate
 * questions: whether every value survives (a longer varchar, more digits before the point, a
 * wider integer), and whether the table is rewritten under an ACCESS EXCLUSIVE lock (integer to
 * bigint keeps every value and still rewrites; varchar(20) to varchar(50) does neither).
 */
final class TypeConversion {

    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    /** Types whose size is a precision PostgreSQL can raise, or drop, without touching a row. */
    private static final Set<String> PRECISION_ONLY = Set.of("timestamp", "timestamp with time zone", "time",
            "time with time zone", "interval");

    private TypeConversion() {
    }

    static boolean keepsEveryValue(SqlType from, SqlType to) {
        boolean fromArray = from.name().endsWith("[]");
        if (fromArray || to.name().endsWith("[]")) {
            // an array widens when its elements do, with the same dimensions
            return fromArray && to.name().endsWith("[]") && keepsEveryValue(element(from), element(to));
        }
        if (INTEGERS.contains(from.name()) && INTEGERS.contains(to.name())) {
            return INTEGERS.indexOf(to.name()) >= INTEGERS.indexOf(from.name());
        }
        if (isText(from.name()) && isText(to.name()) && to.size() == null) {
            // into text or an unlimited varchar
            return true;
        }
        if (!from.name().equals(to.name())) {
            return false;
        }
        if (to.size() == null) {
            // numeric(p,s) to numeric, timestamp(3) to timestamp: unlimited, or the default precision
            return from.name().equals("varchar") || from.name().equals("numeric")
                    || PRECISION_ONLY.contains(from.name());
        }
        if (from.size() == null) {
            return false;
        }
        if (from.name().equals("numeric")) {
            int fromScale = from.scale() == null ? 0 : from.scale();
            int toScale = to.scale() == null ? 0 : to.scale();
            return toScale >= fromScale && to.size() - toScale >= from.size() - fromScale;
        }
        return (from.name().equals("varchar") || PRECISION_ONLY.contains(from.name())) && to.size() >= from.size();
    }

    /**
     * Whether PostgreSQL rewrites the table (and rebuilds its indexes) for the change. It skips
     * the rewrite only where the stored bytes stay valid as they are: varchar and text into each
     * other with no shorter limit, a larger numeric precision at the same scale, a larger
     * timestamp, time or interval precision. Arrays are taken to rewrite unless nothing changes.
     */
    static boolean rewritesTable(SqlType from, SqlType to) {
        if (from.equals(to)) {
            return false;
        }
        if (from.name().endsWith("[]") || to.name().endsWith("[]")) {
            return true;
        }
        boolean texts = isText(from.name()) && isText(to.name());
        if (texts) {
            // into text or an unlimited varchar, or a longer limit: nothing to check or convert
            return to.size() != null && (from.size() == null || to.size() < from.size());
        }
        if (!from.name().equals(to.name())) {
            return true;
        }
        if (from.name().equals("numeric")) {
            return to.size() != null && (from.size() == null || to.size() < from.size()
                    || !Objects.equals(from.scale(), to.scale()));
        }
        if (PRECISION_ONLY.contains(from.name())) {
            return to.size() != null && (from.size() == null || to.size() < from.size());
        }
        return true;
    }

    private static boolean isText(String name) {
        return name.equals("varchar") || name.equals("text");
    }

    private static SqlType element(SqlType array) {
        String name = array.name().substring(0, array.name().length() - 2).strip();
        return array.size() == null ? SqlType.of(name)
                : array.scale() == null ? SqlType.of(name, array.size()) : SqlType.of(name, array.size(), array.scale());
    }
}
