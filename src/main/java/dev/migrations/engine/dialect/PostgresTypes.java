package dev.migrations.engine.dialect;

import dev.migrations.api.model.SqlType;
import java.util.Locale;
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
