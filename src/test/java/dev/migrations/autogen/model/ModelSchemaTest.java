package dev.migrations.autogen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.autogen.schema.SchemaSnapshot;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.dialect.PostgresDialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The entity model's DDL in a scratch schema of a real PostgreSQL, rolled back. */
class ModelSchemaTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static EntityModel model(String... ddl) {
        return new EntityModel(List.of(ddl), Map.of(), Map.of(), 1, null, Map.of());
    }

    @Test
    void theModelIsReadFromTheScratchSchemaAndLeavesNothingBehind() throws Exception {
        try (Connection scratch = postgres.getPostgresDatabase().getConnection()) {
            ModelSchema.Sides sides = ModelSchema.read(scratch, Optional.empty(),
                    model("create table thing (id bigint primary key)"), new PostgresDialect(),
                    SchemaSnapshot.empty("public"), Map.of());

            assertThat(sides.model().tables().keySet()).containsExactly("thing");
            assertThat(sides.model().schema()).isEqualTo("public");
        }
        try (Connection check = postgres.getPostgresDatabase().getConnection();
             var rows = check.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migrations_model_%'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void anEntityInAnotherSchemaIsNamedAsTheCause() throws Exception {
        try (Connection scratch = postgres.getPostgresDatabase().getConnection()) {
            assertThatThrownBy(() -> ModelSchema.read(scratch, Optional.empty(),
                    model("create table app.thing (id bigint primary key)"), new PostgresDialect(),
                    SchemaSnapshot.empty("public"), Map.of()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("Autogenerate compares one schema, and an entity names another with "
                            + "@Table(schema = ...): ERROR: schema \"app\" does not exist")
                    .hasMessageEndingWith("and write changes to other schemas by hand.");
        }
    }
}
