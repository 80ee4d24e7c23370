package dev.migrations.autogen.schema;

import static schemacrawler.schemacrawler.MetadataRetrievalStrategy.data_dictionary_all;
import static schemacrawler.schemacrawler.SchemaInfoMetadataRetrievalStrategy.indexesRetrievalStrategy;
import static schemacrawler.schemacrawler.SchemaInfoMetadataRetrievalStrategy.primaryKeysRetrievalStrategy;
import static schemacrawler.schemacrawler.SchemaInfoMetadataRetrievalStrategy.tableColumnsRetrievalStrategy;
import static schemacrawler.schemacrawler.SchemaInfoMetadataRetrievalStrategy.tablesRetrievalStrategy;

import dev.migrations.api.model.Column;
import dev.migrations.api.model.Constraint;
import dev.migrations.api.model.Index;
import dev.migrations.api.model.ReferentialAction;
import dev.migrations.api.model.Sequence;
import dev.migrations.engine.internal.ScopedJvmSettings;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import schemacrawler.crawl.SchemaCrawler;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.IndexColumn;
import schemacrawler.schema.PrimaryKey;
import schemacrawler.schema.Schema;
import schemacrawler.schema.TableConstraintColumn;
import schemacrawler.schemacrawler.InfoLevel;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.schemacrawler.SchemaRetrievalOptions;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * Reads one PostgreSQL schema into a {@link SchemaSnapshot}. The live database and the scratch
 * schema Hibernate creates are both read here, the same way, so that what differs between the
 * two snapshots differs in the databases.
 *
 * <p>SchemaCrawler reads tables, columns, primary keys and indexes, each with one
 * data-dictionary query for the whole schema ({@link CatalogViews}). What it cannot carry, or
 * not at a cost that grows with the schema alone, comes from three pg_catalog queries of our
 * own, one per kind:
 * <ul>
 *   <li>unique, check and foreign-key constraints: SchemaCrawler's table-constraint retrieval
 *       logs a failed query as a warning and carries on with what it has, and it matches check
 *       clauses to constraints by schema and name alone, dropping the clause of any name used on
 *       two tables; a snapshot must be complete or fail. Foreign keys read by SchemaCrawler
 *       make it sort the tables by them ({@code TablesGraph}), with a topological sort that
 *       scans every edge for every table in every round: cubic in a chain of references, 2.7 s
 *       of the read at 800 tables, for an order nothing here uses;</li>
 *   <li>sequences: its model has no start value and no notion of an owning column;</li>
 *   <li>names with leading or trailing white space, which it strips while reading
 *       ({@code MetadataResultSet.getString}); they are refused instead of being read wrong.</li>
 * </ul>
 *
 * <p>The connection stays the caller's: it may hold uncommitted DDL (a scratch schema about to
 * be rolled back), which the reader sees, and the reader never commits, rolls back, changes
 * auto-commit or closes it ({@link BorrowedConnection}).
 */
public final class SchemaReader {

    private static final String NAMESPACE_SQL = "SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ?";

    /**
     * The names SchemaCrawler would strip: tables, indexes, columns and table constraints of
     * the schema, and the schemas its foreign keys point to.
     */
    private static final String UNREADABLE_NAMES_SQL = """
            WITH target AS (SELECT CAST(? AS oid) AS oid)
            SELECT name FROM (
              SELECT c.relname AS name FROM pg_catalog.pg_class c, target
                WHERE c.relnamespace = target.oid AND c.relkind IN ('r', 'p', 'i', 'I')
              UNION ALL
              SELECT a.attname FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid, target
                WHERE c.relnamespace = target.oid AND c.relkind IN ('r', 'p')
                  AND a.attnum > 0 AND NOT a.attisdropped
              UNION ALL
              SELECT k.conname FROM pg_catalog.pg_constraint k, target
                WHERE k.connamespace = target.oid AND k.conrelid <> 0
              UNION ALL
              SELECT n.nspname FROM pg_catalog.pg_constraint k
                JOIN pg_catalog.pg_class r ON r.oid = k.confrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace, target
                WHERE k.connamespace = target.oid AND k.contype = 'f'
            ) names
            WHERE name ~ '^[[:space:]]|[[:space:]]$'
            ORDER BY name
            """;

    /**
     * Unique, check and foreign-key constraints, their columns in key order. The check's
     * expression is {@code pg_get_expr(conbin)}: exactly the text {@code pg_get_constraintdef}
     * wraps in {@code CHECK (...)}, without the wrapping or a trailing {@code NOT VALID}.
     * PostgreSQL 14 keeps NOT NULL out of pg_constraint, and contype 'c' would leave out the
     * not-null constraints later versions record there. A foreign key's referenced schema is
     * named only when it is not the schema read.
     */
    private static final String CONSTRAINTS_SQL = """
            WITH target AS (SELECT CAST(? AS oid) AS oid)
            SELECT c.relname AS table_name, k.conname AS name, k.contype AS type,
              ARRAY(SELECT a.attname
                    FROM unnest(k.conkey) WITH ORDINALITY AS key(attnum, position)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = key.attnum
                    ORDER BY key.position) AS columns,
              CASE WHEN k.contype = 'c' THEN pg_catalog.pg_get_expr(k.conbin, k.conrelid) END
                AS expression,
              CASE WHEN r.relnamespace <> target.oid THEN rn.nspname END AS referenced_schema,
              r.relname AS referenced_table,
              ARRAY(SELECT a.attname
                    FROM unnest(k.confkey) WITH ORDINALITY AS key(attnum, position)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = key.attnum
                    ORDER BY key.position) AS referenced_columns,
              k.confdeltype AS on_delete, k.confupdtype AS on_update
            FROM pg_catalog.pg_constraint k
            JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
            CROSS JOIN target
            LEFT JOIN pg_catalog.pg_class r ON r.oid = k.confrelid
            LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
            WHERE c.relnamespace = target.oid AND c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND k.contype IN ('u', 'c', 'f')
            """;

    /**
     * Stand-alone sequences: one that an identity column (deptype 'i') or a serial column or
     * OWNED BY (deptype 'a') ties to a column belongs to that column.
     */
    private static final String SEQUENCES_SQL = """
            SELECT c.relname AS name, s.seqstart AS start, s.seqincrement AS increment
            FROM pg_catalog.pg_sequence s
            JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
            WHERE c.relnamespace = CAST(? AS oid)
              AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = s.seqrelid
                                AND d.refclassid = 'pg_catalog.pg_class'::regclass
                                AND d.refobjsubid > 0 AND d.deptype IN ('i', 'a'))
            """;

    private static final Comparator<Constraint> BY_NAME = Comparator.comparing(Constraint::name);

    /**
     * Reads the tables and stand-alone sequences of {@code schema}.
     *
     * @param schema         the schema's name as the catalog holds it (unquoted, case as stored)
     * @param excludedTables tables to leave out, such as the version table
     * @return the snapshot; an empty one when the schema does not exist
     * @throws SQLException                  when the catalog cannot be read
     * @throws UnsupportedOperationException when a name in the schema begins or ends with white
     *                                       space, which the reading would not keep
     */
    public SchemaSnapshot read(Connection connection, String schema, Set<String> excludedTables)
            throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(excludedTables, "excludedTables");

        Long namespace = namespaceOid(connection, schema);
        if (namespace == null) {
            return SchemaSnapshot.empty(schema);
        }
        refuseUnreadableNames(connection, namespace, schema);
        Catalog catalog;
        try (ScopedJvmSettings quiet = quietSchemaCrawler()) {
            catalog = crawl(connection, namespace);
        }
        Schema crawled = catalog.getSchemas().iterator().next();

        Map<String, List<Constraint>> constraints = constraints(connection, namespace);
        List<Table> tables = new ArrayList<>();
        for (schemacrawler.schema.Table table : catalog.getTables(crawled)) {
            if (excludedTables.contains(table.getName())) {
                continue;
            }
            tables.add(table(table, constraints.getOrDefault(table.getName(), List.of())));
        }
        return SchemaSnapshot.of(schema, tables, sequences(connection, namespace));
    }

    // SchemaCrawler

    /**
     * Runs SchemaCrawler over the schema with the data-dictionary queries only: nothing is read
     * through {@code DatabaseMetaData} (one call per table), and the info level is the minimum
     * plus exactly the retrievals used here. One worker thread: the connection is single.
     */
    private static Catalog crawl(Connection connection, long namespace) throws SQLException {
        SchemaRetrievalOptions retrieval = SchemaRetrievalOptionsBuilder.builder()
                .withInformationSchemaViews(CatalogViews.forNamespace(namespace))
                .withDoesNotSupportCatalogs()
                .withSupportsSchemas()
                .with(tablesRetrievalStrategy, data_dictionary_all)
                .with(tableColumnsRetrievalStrategy, data_dictionary_all)
                .with(primaryKeysRetrievalStrategy, data_dictionary_all)
                .with(indexesRetrievalStrategy, data_dictionary_all)
                .toOptions();
        SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                .withLimitOptions(LimitOptionsBuilder.builder().tableTypes("TABLE").toOptions())
                .withLoadOptions(LoadOptionsBuilder.builder()
                        .withSchemaInfoLevel(SchemaInfoLevelBuilder.builder()
                                .withInfoLevel(InfoLevel.minimum)
                                .setRetrieveDatabaseInfo(false)
                                .setRetrieveRoutines(false)
                                .setRetrieveTableColumns(true)
                                .setRetrievePrimaryKeys(true)
                                .setRetrieveForeignKeys(false)
                                .setRetrieveIndexes(true)
                                .toOptions())
                        .withMaxThreads(1)
                        .toOptions());
        try (DatabaseConnectionSource source =
                     DatabaseConnectionSources.fromConnection(BorrowedConnection.lend(connection))) {
            return new SchemaCrawler(source, retrieval, options).crawl();
        } catch (Exception e) {
            // SchemaCrawler wraps the database's errors in runtime exceptions of its own;
            // callers get the SQLException, with its SQL state, as from the other queries here
            SQLException cause = sqlExceptionIn(e);
            if (cause != null) {
                throw new SQLException("could not read the schema: " + cause.getMessage(),
                        cause.getSQLState(), e);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            // DatabaseConnectionSource.close() is declared to throw Exception
            throw new IllegalStateException("could not release SchemaCrawler's connection source", e);
        }
    }

    private static SQLException sqlExceptionIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sqlException) {
                return sqlException;
            }
        }
        return null;
    }

    private static Table table(schemacrawler.schema.Table table, List<Constraint> constraints) {
        List<Column> columns = table.getColumns().stream()
                .sorted(Comparator.comparingInt(schemacrawler.schema.Column::getOrdinalPosition))
                .map(SchemaReader::column)
                .toList();
        List<Constraint.Unique> uniques = new ArrayList<>();
        List<Constraint.Check> checks = new ArrayList<>();
        List<Constraint.ForeignKey> foreignKeys = new ArrayList<>();
        for (Constraint constraint : constraints) {
            if (constraint instanceof Constraint.Unique unique) {
                uniques.add(unique);
            } else if (constraint instanceof Constraint.Check check) {
                checks.add(check);
            } else if (constraint instanceof Constraint.ForeignKey foreignKey) {
                foreignKeys.add(foreignKey);
            }
        }
        List<Index> indexes = table.getIndexes().stream()
                .map(SchemaReader::index)
                .sorted(Comparator.comparing(Index::name))
                .toList();
        return new Table(table.getName(), columns, primaryKey(table.getPrimaryKey()),
                uniques, checks, foreignKeys, indexes, table.getAttribute(CatalogViews.COMMENT));
    }

    private static Column column(schemacrawler.schema.Column column) {
        String formattedType = column.getAttribute(CatalogViews.FORMATTED_TYPE);
        return new Column(column.getName(), FormattedType.toSqlType(formattedType),
                column.isNullable(), column.getDefaultValue(), column.isAutoIncremented(), false,
                column.getAttribute(CatalogViews.COMMENT));
    }

    private static Constraint.PrimaryKey primaryKey(PrimaryKey primaryKey) {
        if (primaryKey == null) {
            return null;
        }
        List<String> columns = primaryKey.getConstrainedColumns().stream()
                .sorted(Comparator.comparingInt(TableConstraintColumn::getTableConstraintOrdinalPosition))
                .map(TableConstraintColumn::getName)
                .toList();
        return new Constraint.PrimaryKey(primaryKey.getName(), columns);
    }

    private static Index index(schemacrawler.schema.Index index) {
        List<String> columns = index.getColumns().stream()
                .sorted(Comparator.comparingInt(IndexColumn::getIndexOrdinalPosition))
                .map(IndexColumn::getName)
                .toList();
        String predicate = index.getFilterCondition();
        return new Index(index.getName(), columns, index.isUnique(),
                predicate == null || predicate.isEmpty() ? null : predicate);
    }

    /**
     * SchemaCrawler reports each step of a crawl at INFO through java.util.logging, which in a
     * Maven build goes straight to the console: some fifty lines per read. Its loggers are
     * turned down to warnings for the crawl, unless the logging configuration sets them.
     */
    private static ScopedJvmSettings quietSchemaCrawler() {
        return new ScopedJvmSettings().loggerLevelUnlessConfigured("schemacrawler", Level.WARNING)
                .loggerLevelUnlessConfigured("us.fatehi", Level.WARNING);
    }

    // our own queries

    private static Long namespaceOid(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(NAMESPACE_SQL)) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : null;
            }
        }
    }

    private static void refuseUnreadableNames(Connection connection, long namespace, String schema)
            throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(UNREADABLE_NAMES_SQL)) {
            try (ResultSet result = bindNamespace(statement, namespace).executeQuery()) {
                while (result.next()) {
                    names.add('"' + result.getString(1) + '"');
                }
            }
        }
        if (!names.isEmpty()) {
            throw new UnsupportedOperationException("schema " + schema + " has names that begin or"
                    + " end with white space, which cannot be compared reliably: " + String.join(", ", names)
                    + "; rename them");
        }
    }

    /** Unique, check and foreign-key constraints by table name, each list sorted by constraint name. */
    private static Map<String, List<Constraint>> constraints(Connection connection, long namespace)
            throws SQLException {
        Map<String, List<Constraint>> byTable = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(CONSTRAINTS_SQL)) {
            try (ResultSet result = bindNamespace(statement, namespace).executeQuery()) {
                while (result.next()) {
                    String name = result.getString("name");
                    Constraint constraint = switch (result.getString("type")) {
                        case "u" -> new Constraint.Unique(name, names(result.getArray("columns")));
                        case "c" -> new Constraint.Check(name, result.getString("expression"));
                        default -> new Constraint.ForeignKey(name, names(result.getArray("columns")),
                                result.getString("referenced_schema"), result.getString("referenced_table"),
                                names(result.getArray("referenced_columns")),
                                action(result.getString("on_delete")), action(result.getString("on_update")));
                    };
                    byTable.computeIfAbsent(result.getString("table_name"), table -> new ArrayList<>())
                            .add(constraint);
                }
            }
        }
        byTable.values().forEach(list -> list.sort(BY_NAME));
        return byTable;
    }

    /** pg_constraint's confdeltype and confupdtype codes. */
    private static ReferentialAction action(String code) {
        return switch (code) {
            case "c" -> ReferentialAction.CASCADE;
            case "r" -> ReferentialAction.RESTRICT;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            case "a" -> ReferentialAction.NO_ACTION;
            default -> throw new IllegalStateException("foreign key action '" + code + "' unknown to this reader");
        };
    }

    private static List<Sequence> sequences(Connection connection, long namespace) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SEQUENCES_SQL)) {
            try (ResultSet result = bindNamespace(statement, namespace).executeQuery()) {
                while (result.next()) {
                    sequences.add(new Sequence(result.getString("name"), result.getLong("start"),
                            result.getLong("increment")));
                }
            }
        }
        return sequences;
    }

    /** Each of our catalog queries takes the schema's oid as its one parameter. */
    private static PreparedStatement bindNamespace(PreparedStatement statement, long namespace)
            throws SQLException {
        statement.setLong(1, namespace);
        return statement;
    }

    private static List<String> names(Array array) throws SQLException {
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
