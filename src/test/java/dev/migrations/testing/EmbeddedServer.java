package dev.migrations.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL of the test class's own, from the embedded binaries (nothing installed
 * needed): started before the class's first test and its {@code @BeforeAll} methods, stopped
 * after its last. Registered as {@code @RegisterExtension static final EmbeddedServer postgres}.
 * A server per class keeps what one class creates (roles, databases, tablespaces) away from
 * the others.
 */
public final class EmbeddedServer implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** The {@code postgres} database as the {@code postgres} superuser. */
    public DataSource getPostgresDatabase() {
        return running().getPostgresDatabase();
    }

    public DataSource getDatabase(String user, String database) {
        return running().getDatabase(user, database);
    }

    public String getJdbcUrl(String user, String database) {
        return running().getJdbcUrl(user, database);
    }

    private EmbeddedPostgres running() {
        if (postgres == null) {
            throw new IllegalStateException("the embedded server runs only while its test class does");
        }
        return postgres;
    }
}
