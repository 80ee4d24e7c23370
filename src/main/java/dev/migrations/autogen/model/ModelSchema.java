package dev.migrations.autogen.model;

import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.autogen.diff.CheckSpelling;
import dev.migrations.autogen.schema.SchemaReader;
import dev.migrations.autogen.schema.SchemaSnapshot;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.db.SavepointBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entity model's schema as PostgreSQL itself stores it: Hibernate's DDL run in a scratch
 * database, in a schema of the compared schema's own name (so that an entity naming it with
 * {@code @Table(schema = ...)} lands there too, and those naming others land elsewhere), read
 * back with the same reader as the live side, and rolled back. DDL is transactional in
 * PostgreSQL, so nothing is left behind even if the process dies half-way, and there is no
 * drop to pay for.
 */
public final class ModelSchema {

    private ModelSchema() {
    }

    /**
     * The two sides of a comparison, their checks written as their sources wrote them, and how
     * to compare those checks (see {@link CheckExpressions}).
     */
    public record Sides(SchemaSnapshot live, SchemaSnapshot model, CheckSpelling checks) {
    }

    /**
     * Runs Hibernate's DDL as one batch: at 800 entities the round trips of one statement at a
     * time cost half a second.
     */
    private static void createModel(Statement statement, List<String> ddl) {
        try {
            SavepointBatch.send(statement, ddl);
        } catch (SavepointBatch.Failure e) {
            throw new MigrationException("PostgreSQL refuses Hibernate's DDL for the entity model: "
                    + firstLine(e.getMessage()) + " in: " + ddl.get(e.index())
                    + "; fix the mapping (a columnDefinition, for instance).", e.sqlException());
        }
    }

    /**
     * @param scratch a connection to a database where a schema may be created (and will be
     *                rolled back); its autocommit is turned off
     * @param tablespace where the scratch schema's relations are created (a tablespace in RAM
     *                   saves the disk's file work); the database's default when empty
     * @param live    the schema the model will be compared with; its name is given to the model
     * @param liveCheckSources check expressions as the revisions wrote them, by table
     */
    public static Sides read(Connection scratch, Optional<String> tablespace, EntityModel model, PostgresDialect dialect,
                             SchemaSnapshot live, Map<String, Set<String>> liveCheckSources) {
        String scratchSchema = live.schema();
        try {
            scratch.setAutoCommit(false);
            try (Statement statement = scratch.createStatement()) {
                // the scratch database only ever holds rolled-back work: every schema is empty
                requireEmpty(scratch, scratchSchema);
                Set<String> schemas = new LinkedHashSet<>(model.schemas());
                schemas.add(scratchSchema);
                for (String schema : schemas) {
                    statement.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema));
                }
                statement.execute("SET LOCAL search_path TO " + dialect.quote(scratchSchema));
                if (tablespace.isPresent()) {
                    statement.execute("SET LOCAL default_tablespace TO " + dialect.quote(tablespace.get()));
                }
                createModel(statement, model.createStatements());
            }
            SchemaSnapshot read = new SchemaReader().read(scratch, scratchSchema, Set.of());
            CheckExpressions checks = new CheckExpressions(scratch, dialect, scratchSchema, read.tables().keySet());
            SchemaSnapshot modelSide = checks.traceSources(
                    new SchemaSnapshot(live.schema(), read.tables(), read.sequences()), model.checkSources());
            SchemaSnapshot liveSide = checks.traceSources(live, liveCheckSources);
            return new Sides(liveSide, modelSide, checks.spelling(liveSide, modelSide));
        } catch (SQLException e) {
            throw new MigrationException("Cannot create the entity model's schema in the scratch database: "
                    + firstLine(e.getMessage()), e);
        } finally {
            try {
                scratch.rollback();
            } catch (SQLException ignored) {
                // The connection is closed next; the server rolls back then anyway.
            }
        }
    }

    /** The model is read from the schema whole: anything already there would pass for the model's. */
    private static void requireEmpty(Connection scratch, String schema) throws SQLException {
        try (PreparedStatement statement = scratch.prepareStatement("SELECT count(*) FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    throw new IllegalStateException("the scratch database holds relations in schema " + schema
                            + "; the model must be read from an empty one");
                }
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
