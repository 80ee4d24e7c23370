package dev.migrations.autogen.model;

import dev.migrations.autogen.diff.CheckSpelling;
import dev.migrations.autogen.schema.SchemaReader;
import dev.migrations.autogen.schema.SchemaSnapshot;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.db.SavepointBatch;
import dev.migrations.engine.dialect.Dialect;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entity model's schema as PostgreSQL itself stores it: Hibernate's DDL run in a fresh
 * schema of a scratch database, read back with the same reader as the live side, and rolled
 * back. DDL is transactional in PostgreSQL, so nothing is left behind even if the process
 * dies half-way, and there is no drop to pay for.
 */
public final class ModelSchema {

    private static final SecureRandom RANDOM = new SecureRandom();

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
            SavepointBatch.run(statement, ddl);
        } catch (SavepointBatch.Failure e) {
            if ("3F000".equals(e.sqlException().getSQLState())) {
                // the statement names a schema: the scratch schema stands for the compared one only
                throw new MigrationException("Autogenerate compares one schema, and an entity names another with "
                        + "@Table(schema = ...): " + firstLine(e.getMessage()) + " in: " + ddl.get(e.index())
                        + "; map the entities of the compared schema without a schema (set it with "
                        + "migrations.schema), and write changes to other schemas by hand.", e.sqlException());
            }
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
    public static Sides read(Connection scratch, Optional<String> tablespace, EntityModel model, Dialect dialect,
                             SchemaSnapshot live, Map<String, Set<String>> liveCheckSources) {
        String scratchSchema = "migrations_model_" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
        try {
            scratch.setAutoCommit(false);
            try (Statement statement = scratch.createStatement()) {
                statement.execute("CREATE SCHEMA " + dialect.quote(scratchSchema));
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

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
