package dev.migrations.autogen.schema;

import dev.migrations.api.model.SqlType;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type as {@code format_type(atttypid, atttypmod)} prints it, read back into the
 * vocabulary migrations are written in ({@code dev.migrations.api.Schema}'s factories):
 * {@code character varying(20)} is {@code varchar} of size 20, {@code timestamp(3) without
 * time zone} is {@code timestamp} of size 3, {@code numeric(12,2)[]} is {@code numeric[]} of
 * size 12 and scale 2. Every other type keeps the name PostgreSQL prints, with a trailing
 * {@code (a[,b])} taken as size and scale.
 *
 * <p>What matters is the way back: the dialect spells the result as a type that PostgreSQL
 * stores under the same {@code format_type}.
 */
final class FormattedType {

    /** Long SQL-standard names and the short ones the vocabulary uses for them. */
    private static final Map<String, String> SHORT_NAMES = Map.of(
            "character varying", "varchar",
            "character", "char",
            "timestamp without time zone", "timestamp",
            "time without time zone", "time");

    /**
     * The SQL standard writes the precision of time types after the first word:
     * {@code timestamp(3) with time zone}.
     */
    private static final Pattern TIME_WITH_PRECISION =
            Pattern.compile("(timestamp|time)\\((\\d+)\\)( with(?:out)? time zone)");

    /**
     * A type modifier ends the name; a quoted type name ends in a quote, so its own
     * parentheses never match.
     */
    private static final Pattern TRAILING_MODIFIER = Pattern.compile("(.*)\\((\\d+)(?:,(\\d+))?\\)");

    private FormattedType() {
    }

    static SqlType toSqlType(String formatted) {
        String name = formatted;
        String arrayBrackets = "";
        // format_type writes one [] whatever the dimensions; PostgreSQL ignores them anyway
        while (name.endsWith("[]")) {
            arrayBrackets += "[]";
            name = name.substring(0, name.length() - 2);
        }
        Integer size = null;
        Integer scale = null;
        Matcher time = TIME_WITH_PRECISION.matcher(name);
        Matcher modifier = TRAILING_MODIFIER.matcher(name);
        if (time.matches()) {
            name = time.group(1) + time.group(3);
            size = Integer.valueOf(time.group(2));
        } else if (modifier.matches()) {
            name = modifier.group(1);
            size = Integer.valueOf(modifier.group(2));
            scale = modifier.group(3) == null ? null : Integer.valueOf(modifier.group(3));
        }
        return new SqlType(SHORT_NAMES.getOrDefault(name, name) + arrayBrackets, size, scale);
    }
}
