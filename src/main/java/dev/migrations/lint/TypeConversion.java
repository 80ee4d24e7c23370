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
        boolean fromArray = from.name().endsWith("[]");
        if (fromArray || to.name().endsWith("[]")) {
            // an array widens when its elements do, with the same dimensions
            return fromArray && to.name().endsWith("[]") && isWidening(element(from), element(to));
        }
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

    private static SqlType element(SqlType array) {
        String name = array.name().substring(0, array.name().length() - 2).strip();
        return array.size() == null ? SqlType.of(name)
                : array.scale() == null ? SqlType.of(name, array.size()) : SqlType.of(name, array.size(), array.scale());
    }
}
