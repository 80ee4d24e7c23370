package dev.migrations.autogen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrations.autogen.model.EntityModelSource;
import dev.migrations.autogen.schema.ObjectFilter;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import dev.migrations.engine.db.ConnectionSettings;
import dev.migrations.engine.db.EmbeddedPostgresServer;
import dev.migrations.it.HibernateExport;
import dev.migrations.it.ItDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model is realized on the embedded PostgreSQL whatever major version the live database
 * runs. Against a live PostgreSQL 14 (the oldest supported; its binaries copied beside the
 * build by the pom), the whole cycle must hold as it does on one version: the baseline
 * written from the entities builds exactly the schema Hibernate itself creates on that server,
 * and comparing again finds nothing.
 */
class OtherMajorVersionTest {

    private static final Path BINARIES = Path.of("target/other-major/postgres-14-linux-amd64.jar");
    private static final List<String> PACKAGES = List.of("dev.migrations.autogen.model.fixture",
            "dev.migrations.autogen.model.keyed");

    private static EmbeddedPostgres live;

    @TempDir
    static Path work;

    @BeforeAll
    static void startPostgres14() throws IOException {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "the copied binaries are linux amd64");
        byte[] archive;
        try (ZipFile jar = new ZipFile(BINARIES.toFile())) {
            archive = jar.getInputStream(jar.getEntry("postgres-linux-x86_64.txz")).readAllBytes();
        }
        live = EmbeddedPostgres.builder().setPgBinaryResolver((system, machine) -> new ByteArrayInputStream(archive))
                .setDataDirectory(work.resolve("pg14")).start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (live != null) {
            live.close();
        }
    }

    @Test
    void aModelRealizedOnTheEmbeddedServerMigratesALiveDatabaseOfAnotherMajorVersionExactly() throws Exception {
        ConnectionSettings app = database("app");
        try (Connection connection = live.getDatabase("postgres", "app").getConnection()) {
            assertThat(connection.getMetaData().getDatabaseMajorVersion())
                    .isEqualTo(14).isNotEqualTo(EmbeddedPostgresServer.MAJOR_VERSION);
        }
        MigrationsConfig config = new MigrationsConfig(app, work.resolve("src/main/migrations"), null,
                work.resolve("target/migrations"), null, null, 10_000);
        EntityModelSource source = new EntityModelSource(List.of(Path.of("target/test-classes")), PACKAGES, null,
                Map.of(), ObjectFilter.NONE);

        Optional<Path> baseline = new Autogenerate(config, source, getClass().getClassLoader(), false, EngineLog.SILENT)
                .revision("baseline", null, null, Clock.systemUTC());
        assertThat(baseline).isPresent();
        new Migrations(config, EngineLog.SILENT).upgrade("head");

        ConnectionSettings oracle = database("oracle");
        HibernateExport.createSchema(List.of(new File("target/test-classes")), PACKAGES, oracle.url(),
                oracle.username(), null, null);
        assertThat(catalog(app)).isEqualTo(catalog(oracle)).isNotEmpty();

        Autogenerate.Comparison again = new Autogenerate(config, source, getClass().getClassLoader(), false,
                EngineLog.SILENT).compare();
        assertThat(again.changeLines()).isEmpty();
        assertThat(Files.list(config.migrationsDirectory().resolve("db/migrations")).count()).isEqualTo(1);
    }

    private static List<String> catalog(ConnectionSettings settings) {
        ItDatabase db = ItDatabase.of(settings);
        List<String> lines = new ArrayList<>(db.snapshot());
        lines.addAll(db.columnOrder());
        return lines;
    }

    private static ConnectionSettings database(String name) throws SQLException {
        try (Connection admin = live.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new ConnectionSettings(live.getJdbcUrl("postgres", name), "postgres", null);
    }
}
