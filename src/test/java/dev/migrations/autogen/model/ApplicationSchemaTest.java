package dev.migrations.autogen.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.engine.db.ConnectionSettings;
import dev.migrations.it.HibernateExport;
import dev.migrations.it.ItDatabase;
import dev.migrations.testing.EmbeddedServer;
import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The model's DDL creates the schema the application's own Hibernate creates: the oracle is
 * Hibernate building its SessionFactory with the schema action {@code create} (no code of the
 * plugin's), and both catalogs are compared with column order and key column order.
 */
class ApplicationSchemaTest {

    @RegisterExtension
    static final EmbeddedServer postgres = new EmbeddedServer();

    private static final String PACKAGE = "dev.migrations.autogen.model.keyed";

    @Test
    void columnAndKeyOrderAreTheApplications() throws SQLException {
        List<String> oracle = hibernateCreates("oracle_default", Map.of());
        List<String> model = modelCreates("model_default", Map.of());

        assertThat(model).isEqualTo(oracle);
        // the model is what this test means it to be: keys whose order is not the declared one
        assertThat(oracle).anyMatch(line -> line.matches("constraint product_category \\S+ PRIMARY KEY \\(category_id, product_id\\)"))
                .anyMatch(line -> line.startsWith("constraint parcel parcel_pkey PRIMARY KEY ("))
                .anyMatch(line -> line.startsWith("constraint shipment shipment_pkey PRIMARY KEY ("))
                .anyMatch(line -> line.startsWith("columns shipment_labels: "));
    }

    @Test
    void aColumnOrderingStrategyTheApplicationSetsIsFollowed() throws SQLException {
        Map<String, String> legacy = Map.of("hibernate.column_ordering_strategy", "legacy");
        List<String> oracle = hibernateCreates("oracle_legacy", legacy);
        List<String> model = modelCreates("model_legacy", legacy);

        assertThat(model).isEqualTo(oracle);
        // legacy keeps the join table's key as mapped, where the default strategy reorders it
        assertThat(oracle).anyMatch(line -> line.matches("constraint product_category \\S+ PRIMARY KEY \\(product_id, category_id\\)"));
        assertThat(oracle).isNotEqualTo(hibernateCreates("oracle_again", Map.of()));
    }

    private static List<String> hibernateCreates(String database, Map<String, String> settings) {
        ItDatabase db = freshDatabase(database);
        HibernateExport.createSchema(List.of(new File("target/test-classes")), List.of(PACKAGE),
                db.settings().url(), db.settings().username(), null, null, settings);
        return catalog(db);
    }

    private static List<String> modelCreates(String database, Map<String, String> settings) throws SQLException {
        EntityModelSource source = new EntityModelSource(List.of(java.nio.file.Path.of("target/test-classes")),
                List.of(PACKAGE), null, settings);
        EntityModel model = HibernateModel.build(source, ApplicationSchemaTest.class.getClassLoader(), 14, 0);
        ItDatabase db = freshDatabase(database);
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement()) {
            for (String ddl : model.createStatements()) {
                statement.execute(ddl);
            }
        }
        return catalog(db);
    }

    private static List<String> catalog(ItDatabase db) {
        List<String> lines = new ArrayList<>(db.snapshot());
        lines.addAll(db.columnOrder());
        return lines;
    }

    private static ItDatabase freshDatabase(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ItDatabase.of(new ConnectionSettings(postgres.getJdbcUrl("postgres", name), "postgres", null));
    }
}
