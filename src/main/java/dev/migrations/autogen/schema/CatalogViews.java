package dev.migrations.autogen.schema;

import static schemacrawler.schemacrawler.InformationSchemaKey.INDEXES;
import static schemacrawler.schemacrawler.InformationSchemaKey.PRIMARY_KEYS;
import static schemacrawler.schemacrawler.InformationSchemaKey.SCHEMATA;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLES;
import static schemacrawler.schemacrawler.InformationSchemaKey.TABLE_COLUMNS;

import schemacrawler.schemacrawler.InformationSchemaViews;
import schemacrawler.schemacrawler.InformationSchemaViewsBuilder;

/**
 * The data-dictionary queries SchemaCrawler runs for one schema, shaped like the JDBC
 * {@code DatabaseMetaData} result sets its retrievers read ({@code TABLE_SCHEM},
 * {@code COLUMN_NAME}, {@code KEY_SEQ}, ...), as SchemaCrawler's PostgreSQL plugin supplied
 * them up to 16.x. Each reads its kind of object for every table of the schema at once.
 *
 * <p>SchemaCrawler runs these as plain statements, without bind parameters, so the schema is
 * named by its pg_namespace oid: a number looked up beforehand with the name bound as a
 * parameter. No name is ever pasted into SQL.
 *
 * <p>Tables are the ordinary and partitioned tables of the schema. Partitions are left out:
 * they belong to their partitioned table and are not tables of their own to compare.
 *
 * <p>Result columns beyond the JDBC ones are not read by SchemaCrawler; it keeps them unchanged
 * as attributes of the object the row describes ({@link #COMMENT}, {@link #FORMATTED_TYPE}).
 * Comments travel that way because SchemaCrawler strips every string it reads itself (such as
 * {@code REMARKS}), and a comment may well end in a newline.
 */
final class CatalogViews {

    /** Attribute of tables and columns: the comment exactly as stored, or null. */
    static final String COMMENT = "COMMENT_TEXT";

    /** Attribute of columns: {@code format_type(atttypid, atttypmod)}. */
    static final String FORMATTED_TYPE = "FORMATTED_TYPE";

    private static final String SCHEMATA_SQL = """
            SELECT NULL AS catalog_name, n.nspname AS schema_name
            FROM pg_catalog.pg_namespace n
            WHERE n.oid = %d
            """;

    private static final String TABLES_SQL = """
            SELECT NULL AS table_cat, n.nspname AS table_schem, c.relname AS table_name,
              'TABLE' AS table_type, dsc.description AS comment_text
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = c.oid
              AND dsc.classoid = 'pg_catalog.pg_class'::regclass AND dsc.objsubid = 0
            WHERE c.relnamespace = %d AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            """;

    /**
     * IS_AUTOINCREMENT means an identity column, and only that: a serial column is a plain
     * column with a nextval default. A generated column keeps its expression in pg_attrdef as
     * well; that expression is not a default, so it is left out.
     *
     * <p>Only what {@link SchemaReader} reads is selected (the type comes as
     * {@link #FORMATTED_TYPE}; no TABLE_CAT, DATA_TYPE, TYPE_NAME or IS_GENERATEDCOLUMN): for
     * every value it reads, SchemaCrawler looks the column up in a freshly sorted copy of the
     * result's columns, so each column selected costs on every row, and this query has a row
     * per column of the schema. Four fewer made a warm read of 200 tables a sixth faster
     * (docs/performance.md).
     */
    private static final String TABLE_COLUMNS_SQL = """
            SELECT n.nspname AS table_schem, c.relname AS table_name,
              a.attname AS column_name, a.attnum AS ordinal_position,
              CASE WHEN a.attnotnull THEN 0 ELSE 1 END AS nullable,
              CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END
                AS column_def,
              CASE WHEN a.attidentity IN ('a', 'd') THEN 'YES' ELSE 'NO' END AS is_autoincrement,
              pg_catalog.format_type(a.atttypid, a.atttypmod) AS formatted_type,
              dsc.description AS comment_text
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = a.attrelid
              AND dsc.classoid = 'pg_catalog.pg_class'::regclass AND dsc.objsubid = a.attnum
            WHERE c.relnamespace = %d AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND a.attnum > 0 AND NOT a.attisdropped
            """;

    private static final String PRIMARY_KEYS_SQL = """
            SELECT NULL AS table_cat, n.nspname AS table_schem, c.relname AS table_name,
              a.attname AS column_name, k.position AS key_seq, p.conname AS pk_name
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_constraint p ON p.conrelid = c.oid AND p.contype = 'p'
            CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE c.relnamespace = %d AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            """;

    /**
     * Indexes that stand on their own: one backing a primary key, unique or exclusion
     * constraint belongs to that constraint (the contype filter matters: a foreign key's
     * conindid names the referenced table's index). The conrelid condition lets the lookup use
     * pg_constraint's index instead of scanning it once per index. Key columns only, not INCLUDE
     * columns; an expression part (attnum 0) comes as PostgreSQL prints it. As for columns,
     * only what is read is selected.
     */
    private static final String INDEXES_SQL = """
            SELECT n.nspname AS table_schem, c.relname AS table_name,
              NOT x.indisunique AS non_unique, ic.relname AS index_name,
              k.position AS ordinal_position,
              CASE WHEN k.attnum = 0
                THEN pg_catalog.pg_get_indexdef(x.indexrelid, k.position::int, true)
                ELSE a.attname END AS column_name,
              pg_catalog.pg_get_expr(x.indpred, x.indrelid) AS filter_condition
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_index x ON x.indrelid = c.oid
            JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
            CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE c.relnamespace = %d AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND k.position <= x.indnkeyatts
              AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint b
                              WHERE b.conrelid = c.oid AND b.conindid = x.indexrelid
                                AND b.contype IN ('p', 'u', 'x'))
            """;

    private CatalogViews() {
    }

    /** The queries for the schema with this pg_namespace oid. */
    static InformationSchemaViews forNamespace(long namespaceOid) {
        return InformationSchemaViewsBuilder.builder()
                .withSql(SCHEMATA, SCHEMATA_SQL.formatted(namespaceOid))
                .withSql(TABLES, TABLES_SQL.formatted(namespaceOid))
                .withSql(TABLE_COLUMNS, TABLE_COLUMNS_SQL.formatted(namespaceOid))
                .withSql(PRIMARY_KEYS, PRIMARY_KEYS_SQL.formatted(namespaceOid))
                .withSql(INDEXES, INDEXES_SQL.formatted(namespaceOid))
                .toOptions();
    }
}
