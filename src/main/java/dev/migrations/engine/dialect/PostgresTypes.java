package dev.migrations.engine.dialect;

import dev.migrations.api.model.SqlType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How PostgreSQL spells a column type. Type names are written in PostgreSQL's own vocabulary
 * ({@code varchar}, {@code timestamp with time zone}, {@code int4range}, {@code text[]}), so
 * they are not quoted like identifiers; but they come from the migration's author, so anything
 * that could end the type and start more SQL is refused.
 */
final class PostgresTypes {

    /** Array brackets at the end of a name: the size goes before them, {@code varchar(20)[]}. */
    private static final Pattern ARRAY_SUFFIX = Pattern.compile("(\\s*\\[\\s*\\d*\\s*\\])+$");

    /** One name for each spelling of a built-in type that column changes meet. */
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("character varying", "varchar"), Map.entry("character", "bpchar"), Map.entry("char", "bpchar"),
            Map.entry("smallint", "int2"), Map.entry("integer", "int4"), Map.entry("int", "int4"),
            Map.entry("bigint", "int8"), Map.entry("real", "float4"), Map.entry("double precision", "float8"),
            Map.entry("decimal", "numeric"), Map.entry("boolean", "bool"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"));

    private static final Set<String> STRINGS = Set.of("text", "varchar", "bpchar");
    private static final Set<String> NUMBERS = Set.of("int2", "int4", "int8", "numeric", "float4", "float8");
    /** Pairs of other types with an implicit or assignment cast in PostgreSQL's catalog (pg_cast). */
    private static final Set<String> ASSIGNABLE = Set.of(
            "date>timestamp", "date>timestamptz", "timestamp>timestamptz", "timestamptz>timestamp",
            "timestamp>date", "timestamptz>date", "timestamp>time", "timestamptz>time", "timestamptz>timetz",
            "time>timetz", "timetz>time", "time>interval", "interval>time", "json>jsonb", "jsonb>json",
            "cidr>inet", "inet>cidr", "bit>varbit", "varbit>bit");

    private PostgresTypes() {
    }

    static String spell(SqlType type) {
        String name = type.name().strip();
        validate(name);
        if (type.size() == null) {
            return name;
        }
        String modifier = "(" + type.size() + (type.scale() == null ? "" : "," + type.scale()) + ")";

        Matcher arrays = ARRAY_SUFFIX.matcher(name);
        String suffix = "";
        if (arrays.find()) {
            suffix = name.substring(arrays.start());
            name = name.substring(0, arrays.start());
        }
        String lower = name.toLowerCase(Locale.ROOT);
        // The SQL standard puts the precision of these types after the first word only:
        // "timestamp(6) with time zone"; "timestamp with time zone(6)" is a syntax error.
        if (lower.startsWith("timestamp ") || lower.startsWith("time ")) {
            int space = name.indexOf(' ');
            return name.substring(0, space) + modifier + name.substring(space) + suffix;
        }
        return name + modifier + suffix;
    }

    /**
     * Whether PostgreSQL changes a column from one type to the other without a USING
     * expression: the same type (another size), types with an implicit or assignment cast
     * between them, or a string type as the target (every type converts to one through its
     * text form). Otherwise {@code ALTER COLUMN ... TYPE} fails even on an empty table.
     */
    static boolean convertsByAssignment(SqlType from, SqlType to) {
        String source = base(from.name());
        String target = base(to.name());
        boolean sourceArray = source.endsWith("[]");
        if (sourceArray != target.endsWith("[]")) {
            return false;
        }
        if (sourceArray) {
            source = source.substring(0, source.length() - 2);
            target = target.substring(0, target.length() - 2);
        }
        return source.equals(target) || STRINGS.contains(target)
                || (NUMBERS.contains(source) && NUMBERS.contains(target))
                || ASSIGNABLE.contains(source + ">" + target);
    }

    /** The type's name without size, lower case, one spelling; arrays end in {@code []}. */
    private static String base(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        boolean array = false;
        Matcher arrays = ARRAY_SUFFIX.matcher(lower);
        if (arrays.find()) {
            array = true;
            lower = lower.substring(0, arrays.start()).strip();
        }
        lower = lower.replaceAll("\\s*\\([^)]*\\)", "");
        return CANONICAL.getOrDefault(lower, lower) + (array ? "[]" : "");
    }

    /**
     * Refuses type names that could carry more SQL than a type: a statement separator, a
     * comment, or a quote or parenthesis left open (which would swallow the rest of the
     * statement).
     */
    static void validate(String name) {
        String reason = null;
        if (name.contains(";")) {
            reason = "contains ';'";
        } else if (name.contains("--") || name.contains("/*") || name.contains("*/")) {
            reason = "contains a SQL comment";
        } else if (name.indexOf('\0') >= 0) {
            reason = "contains a NUL character";
        } else if (count(name, '"') % 2 != 0) {
            reason = "has an unbalanced double quote";
        } else if (count(name, '\'') % 2 != 0) {
            reason = "has an unbalanced single quote";
        } else if (!parenthesesBalanced(name)) {
            reason = "has unbalanced parentheses";
        }
        if (reason != null) {
            throw new IllegalArgumentException("type name \"" + name + "\" " + reason
                    + "; a type is a name such as varchar or timestamp with time zone, not SQL");
        }
    }

    private static int count(String text, char wanted) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                n++;
            }
        }
        return n;
    }

    private static boolean parenthesesBalanced(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
