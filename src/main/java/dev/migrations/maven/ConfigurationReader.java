package dev.migrations.maven;

import dev.migrations.engine.MigrationException;
import dev.migrations.engine.MigrationsConfig;
import dev.migrations.engine.db.ConnectionSettings;
import java.util.Set;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Builds the typed configuration from the goal's parameters and settings.xml, in one place. */
final class ConfigurationReader {

    private final AbstractMigrationsMojo mojo;
    private final Settings settings;
    private final SettingsDecrypter decrypter;

    ConfigurationReader(AbstractMigrationsMojo mojo, Settings settings, SettingsDecrypter decrypter) {
        this.mojo = mojo;
        this.settings = settings;
        this.decrypter = decrypter;
    }

    MigrationsConfig read() {
        return new MigrationsConfig(connection(), mojo.migrationsDirectory.toPath(), mojo.migrationsPackage,
                mojo.workDirectory.toPath(), mojo.schema, mojo.versionTable, mojo.lockTimeout * 1000,
                Set.copyOf(AbstractMigrationsMojo.split(mojo.acceptChanged)), mojo.singleTransaction, mojo.verbose);
    }

    private ConnectionSettings connection() {
        String user = mojo.username;
        UnprintedParameter unprinted = new UnprintedParameter(
                new PluginParameterExpressionEvaluator(mojo.session, mojo.mojoExecution));
        String password = unprinted.value(mojo.password);
        String url = unprinted.value(mojo.url);
        if (mojo.serverId != null && !mojo.serverId.isBlank()) {
            Server server = settings == null ? null : settings.getServer(mojo.serverId);
            if (server == null) {
                throw new MigrationException("No <server> with id '" + mojo.serverId
                        + "' in settings.xml; add one with username and password, or fix migrations.serverId.");
            }
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    throw new MigrationException("Cannot decrypt the password of server '" + mojo.serverId
                            + "' in settings.xml: " + problem.getMessage() + "; check settings-security.xml.");
                }
            }
            Server decrypted = result.getServer();
            user = user == null ? decrypted.getUsername() : user;
            password = password == null ? decrypted.getPassword() : password;
        }
        if (url == null) {
            return null;
        }
        return new ConnectionSettings(url.strip(), user, password);
    }
}
