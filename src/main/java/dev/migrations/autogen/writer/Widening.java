package dev.migrations.autogen.writer;

import dev.migrations.api.model.SqlType;
import java.util.List;

/**
 * Type changes that keep every existing value as it is: a longer varchar, more digits before
 * the point, a wider integer. Those need no review; any other change may fail on, or alter,
 * the data already there.
 */
final class Widening {

    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    private Widening() {
    }

    static boolean isWidening(SqlType from, SqlType to) {
        if (INTEGERS.contains(from.name()) && INTEGERS.contains(to.name())) {
            return INTEGERS.indexOf(to.name()) >= INTEGERS.indexOf(from.name());
        }
        if (!from.name().equals(to.name())) {
            return from.name().equals("varchar") && to.name().equals("text");
        }
        if (to.size() == null) {
            // varchar(n) to varchar, numeric(p,s) to numeric: unlimited
            return from.name().equals("varchar") || from.name().equals("numeric");
        }
        if (from.size() == null) {
            return false;
        }
        if (from.name().equals("numeric")) {
            int fromScale = from.scale() == null ? 0 : from.scale();
            int toScale = to.scale() == null ? 0 : to.scale();
            return toScale >= fromScale && to.size() - toScale >= from.size() - fromScale;
        }
        return from.name().equals("varchar") && to.size() >= from.size();
    }
}
