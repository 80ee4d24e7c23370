package dev.migrations.engine.dialect;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How PostgreSQL spells a table, column, constraint, index, sequence or schema name.
 *
 * <p>A name is left bare only when PostgreSQL would read it back unchanged: lower case (an
 * unquoted name is folded to lower case), a plain identifier shape, and not a keyword that
 * cannot be used as a column or table name. Everything else is double-quoted, which makes any
 * text a single identifier once embedded quotes are doubled.
 */
final class PostgresIdentifiers {

    /** PostgreSQL truncates longer names silently (NAMEDATALEN - 1), in bytes of the encoding. */
    static final int MAX_BYTES = 63;

    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_$]*");

    /**
     * Keywords of categories R (reserved), T (reserved, can be function or type name) and C
     * (non-reserved, cannot be function or type name) from {@code pg_get_keywords()}: none of
     * them may stand bare as a column name everywhere. PostgreSQL 14 and 15 as queried live;
     * the PostgreSQL 16 and 17 additions (system_user and the SQL/JSON constructors) are
     * included so that a migration rendered today still parses on a newer server. Quoting a
     * word that a given version does not reserve is harmless, forgetting one is not.
     */
    private static final Set<String> KEYWORDS_NEEDING_QUOTES = Set.of(
            // R: reserved
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both",
            "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
            "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
            "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially",
            "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
            "returning", "select", "session_user", "some", "symmetric", "system_user", "table",
            "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when",
            "where", "window", "with",
            // T: type_func_name
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema",
            "freeze", "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural",
            "notnull", "outer", "overlaps", "right", "similar", "tablesample", "verbose",
            // C: col_name
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal",
            "exists", "extract", "float", "greatest", "grouping", "inout", "int", "integer",
            "interval", "json", "json_array", "json_arrayagg", "json_exists", "json_object",
            "json_objectagg", "json_query", "json_scalar", "json_serialize", "json_table",
            "json_value", "least", "merge_action", "national", "nchar", "none", "normalize",
            "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof",
            "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar",
            "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces",
            "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private PostgresIdentifiers() {
    }

    /**
     * The name as it must appear in SQL.
     *
     * @throws IllegalArgumentException for a name PostgreSQL cannot hold as given: empty,
     *         containing NUL, or longer than 63 bytes in UTF-8
     */
    static String quote(String identifier) {
        validate(identifier);
        if (BARE.matcher(identifier).matches() && !isKeywordNeedingQuotes(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static boolean isKeywordNeedingQuotes(String word) {
        return KEYWORDS_NEEDING_QUOTES.contains(word);
    }

    private static void validate(String identifier) {
        if (identifier == null) {
            throw new IllegalArgumentException("a name is required (got null)");
        }
        if (identifier.isEmpty()) {
            throw new IllegalArgumentException("a name must not be empty");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("name \"" + identifier.replace("\0", "\\0")
                    + "\" contains a NUL character, which PostgreSQL does not allow in names");
        }
        int bytes = identifier.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            // PostgreSQL would truncate it without error, so two long names could collide
            throw new IllegalArgumentException("name \"" + identifier + "\" is " + bytes
                    + " bytes long in UTF-8; PostgreSQL allows at most " + MAX_BYTES
                    + " and would silently truncate it: choose a shorter name");
        }
    }
}
