package dev.migrations.autogen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrations.api.operation.CreateTable;
import dev.migrations.api.operation.Operation;
import dev.migrations.autogen.diff.SchemaDiffer;
import dev.migrations.autogen.model.EntityModel;
import dev.migrations.autogen.model.EntityModelSource;
import dev.migrations.autogen.model.HibernateModel;
import dev.migrations.autogen.model.ModelSchema;
import dev.migrations.autogen.schema.SchemaReader;
import dev.migrations.autogen.schema.SchemaSnapshot;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.engine.dialect.SqlStatement;
import dev.migrations.testing.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The property other tools lack: applying what the differ proposes makes the live schema equal
 * to the model's, so that the next comparison finds nothing; and the reversed operations take
 * the schema back to where it was.
 */
class ModelFixpointTest {

    @RegisterExtension
    static final EmbeddedServer postgres = new EmbeddedServer();
    private final PostgresDialect dialect = new PostgresDialect();

    @BeforeAll
    static void createScratchDatabase() throws SQLException {
        // as in a run: the model's DDL goes to a database of its own, the live schema stays apart
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE scratch");
        }
    }

    private static Connection scratch() throws SQLException {
        return postgres.getDatabase("postgres", "scratch").getConnection();
    }

    private EntityModel model() {
        EntityModelSource source = new EntityModelSource(List.of(Path.of("target/test-classes")),
                List.of("dev.migrations.autogen.model.fixture"), null, Map.of());
        return HibernateModel.build(source, getClass().getClassLoader(), 14, 0);
    }

    @Test
    void appliedDifferencesLeaveNothingToDiffAndTheirReverseUndoesThem() throws SQLException {
        EntityModel model = model();
        try (Connection scratch = scratch();
             Connection live = postgres.getPostgresDatabase().getConnection()) {
            try (Statement statement = live.createStatement()) {
                statement.execute("CREATE SCHEMA shop");
                statement.execute("SET search_path TO shop");
            }
            SchemaSnapshot empty = read(live);
            ModelSchema.Sides sides = ModelSchema.read(scratch, Optional.empty(), model, dialect, empty, Map.of());
            SchemaSnapshot target = sides.model();
            assertThat(target.schema()).isEqualTo("shop");
            assertThat(target.tables().keySet()).containsExactly("customer", "order");
            assertThat(target.sequences().keySet()).containsExactly("order_seq");

            // generated code writes Hibernate's own check, not the text PostgreSQL prints for it
            assertThat(target.tables().get("customer").checks()).extracting(c -> c.expression())
                    .containsExactly("status in ('ACTIVE','BLOCKED')");

            List<Operation> operations = SchemaDiffer.diff(sides.live(), target, sides.checks());
            assertThat(operations).filteredOn(CreateTable.class::isInstance).hasSize(2);
            apply(live, operations);

            // the live check prints as PostgreSQL prints it, and still equals the model's
            SchemaSnapshot applied = read(live);
            assertThat(applied.tables().get("customer").checks().get(0).expression()).contains("ANY");
            ModelSchema.Sides again = ModelSchema.read(scratch, Optional.empty(), model, dialect, applied, Map.of());
            assertThat(SchemaDiffer.diff(again.live(), again.model(), again.checks())).isEmpty();
            // and written as the revisions wrote it, it is traced back to that source
            ModelSchema.Sides traced = ModelSchema.read(scratch, Optional.empty(), model, dialect, applied,
                    Map.of("customer", Set.of("status in ('ACTIVE','BLOCKED')")));
            assertThat(traced.live().tables().get("customer").checks().get(0).expression())
                    .isEqualTo("status in ('ACTIVE','BLOCKED')");

            List<Operation> reversed = new ArrayList<>();
            operations.forEach(o -> reversed.add(o.reverse()));
            Collections.reverse(reversed);
            apply(live, reversed);
            assertThat(read(live)).isEqualTo(empty);
        }
        // the scratch schema was rolled back: nothing of the model is left behind
        try (Connection check = scratch();
             Statement statement = check.createStatement();
             var rs = statement.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'shop'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void theModelReadInTheRamTablespaceIsTheModelReadOnDisk(@TempDir Path dataDirectory) throws SQLException {
        EntityModel model = model();
        try (Connection scratch = scratch()) {
            SchemaSnapshot empty = new SchemaSnapshot("shop", new TreeMap<>(), new TreeMap<>());
            Optional<String> tablespace = RamTablespace.prepare(scratch, dataDirectory, EngineLog.SILENT);
            assumeTrue(tablespace.isPresent(), "no RAM file system on this machine");
            try {
                ModelSchema.Sides inRam = ModelSchema.read(scratch, tablespace, model, dialect, empty, Map.of());
                scratch.setAutoCommit(true);
                ModelSchema.Sides onDisk = ModelSchema.read(scratch, Optional.empty(), model, dialect, empty, Map.of());
                assertThat(inRam.model().tables().keySet()).containsExactly("customer", "order");
                assertThat(inRam.model()).isEqualTo(onDisk.model());
            } finally {
                scratch.setAutoCommit(true);
                try (Statement statement = scratch.createStatement();
                     var rs = statement.executeQuery("SELECT pg_tablespace_location(oid) FROM pg_tablespace"
                             + " WHERE spcname = '" + RamTablespace.NAME + "'")) {
                    rs.next();
                    Path location = Path.of(rs.getString(1));
                    statement.execute("DROP TABLESPACE " + RamTablespace.NAME);
                    Files.deleteIfExists(location); // emptied by the drop
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private SchemaSnapshot read(Connection live) throws SQLException {
        return new SchemaReader().read(live, "shop", Set.of());
    }

    private void apply(Connection connection, List<Operation> operations) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Operation operation : operations) {
                for (SqlStatement sql : dialect.render(operation)) {
                    statement.execute(sql.sql());
                }
            }
        }
    }
}
