package dev.migrations.autogen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrations.autogen.schema.SchemaSnapshot;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.testing.EmbeddedServer;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The entity model's DDL in a scratch schema of a real PostgreSQL, rolled back. */
class ModelSchemaTest {

    @RegisterExtension
    static final EmbeddedServer postgres = new EmbeddedServer();

    private static EntityModel model(String... ddl) {
        return new EntityModel(List.of(ddl), Map.of(), Map.of(), 1, null, Map.of(), Set.of("app", "billing"));
    }

    @Test
    void theModelIsReadFromTheComparedSchemasNameAndLeavesNothingBehind() throws Exception {
        try (Connection scratch = postgres.getPostgresDatabase().getConnection()) {
            ModelSchema.Sides sides = ModelSchema.read(scratch, Optional.empty(),
                    model("create table thing (id bigint primary key)", "create table app.other (id bigint)",
                            "create table billing.invoice (id bigint)"),
                    new PostgresDialect(), SchemaSnapshot.empty("app"), Map.of());

            // an entity naming the compared schema is compared; one naming another schema is not
            assertThat(sides.model().tables().keySet()).containsExactly("other", "thing");
            assertThat(sides.model().schema()).isEqualTo("app");
        }
        try (Connection check = postgres.getPostgresDatabase().getConnection();
             var rows = check.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_namespace WHERE nspname IN ('app', 'billing')")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void aStatementPostgresqlRefusesIsNamed() throws Exception {
        try (Connection scratch = postgres.getPostgresDatabase().getConnection()) {
            assertThatThrownBy(() -> ModelSchema.read(scratch, Optional.empty(),
                    model("create table thing (id nosuchtype)"), new PostgresDialect(),
                    SchemaSnapshot.empty("public"), Map.of()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("PostgreSQL refuses Hibernate's DDL for the entity model: ERROR: type "
                            + "\"nosuchtype\" does not exist")
                    .hasMessageContaining("in: create table thing (id nosuchtype)");
        }
    }
}
