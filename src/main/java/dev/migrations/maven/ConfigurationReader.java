package dev.migrations.maven;

import dev.migrations.engine.MigrationException;
import dev.migrations.engine.MigrationsConfig;
import dev.migrations.engine.db.ConnectionSettings;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Builds the typed configuration from the command line, the environment, the goal's parameters
 * and settings.xml, in one place. For the settings that say which database to act on, the
 * command line wins over the environment, which wins over the pom: Maven's own rule (a pom
 * value wins over {@code -D}) would let a deploy job that names its database act on the pom's.
 */
final class ConfigurationReader {

    private final ConnectingMojo mojo;
    private final CommandLine commandLine;
    private final Map<String, String> environment;
    private final Settings settings;
    private final SettingsDecrypter decrypter;

    ConfigurationReader(ConnectingMojo mojo, CommandLine commandLine, Map<String, String> environment,
                        Settings settings, SettingsDecrypter decrypter) {
        this.mojo = mojo;
        this.commandLine = commandLine;
        this.environment = environment;
        this.settings = settings;
        this.decrypter = decrypter;
    }

    MigrationsConfig read(RunOptions options) {
        return mojo.config(connection(), setting("schema", "MIGRATIONS_SCHEMA", () -> mojo.schema).value(),
                setting("versionTable", "MIGRATIONS_VERSION_TABLE", () -> mojo.versionTable).value(), options);
    }

    private ConnectionSettings connection() {
        UnprintedParameter unprinted = new UnprintedParameter(
                new PluginParameterExpressionEvaluator(mojo.session, mojo.mojoExecution));
        Setting url = setting("url", "MIGRATIONS_URL", () -> unprinted.value(mojo.url));
        Setting user = setting("username", "MIGRATIONS_USERNAME", () -> mojo.username);
        Setting password = setting("password", "MIGRATIONS_PASSWORD", () -> unprinted.value(mojo.password));
        Setting serverId = setting("serverId", "MIGRATIONS_SERVER_ID", () -> mojo.serverId);
        if (serverId.isSet()) {
            Server server = decryptedServer(serverId.value());
            String origin = "server '" + serverId.value() + "' in settings.xml";
            user = user.unlessOverriddenBy(new Setting(server.getUsername(), serverId.source(), origin));
            password = password.unlessOverriddenBy(new Setting(server.getPassword(), serverId.source(), origin));
        }
        if (!url.isSet()) {
            return null;
        }
        return new ConnectionSettings(url.value().strip(), user.value(), password.value(),
                password.isSet() ? password.origin() : null);
    }

    /** The command line's {@code -Dmigrations.<name>}, else the environment's {@code variable}, else the pom's. */
    private Setting setting(String name, String variable, Supplier<String> pom) {
        String given = commandLine.setting(name);
        if (given != null) {
            return new Setting(given, Setting.Source.COMMAND_LINE, "-D" + CommandLine.PREFIX + name);
        }
        String exported = environment.get(variable);
        if (exported != null && !exported.isBlank()) {
            return new Setting(exported, Setting.Source.ENVIRONMENT, "the environment variable " + variable);
        }
        // evaluated only when needed: the pom's expression may fail, and need not when overridden
        String configured = pom.get();
        if (configured != null && !configured.isBlank()) {
            return new Setting(configured, Setting.Source.POM, "<" + name + "> in the pom");
        }
        return Setting.NONE;
    }

    private Server decryptedServer(String serverId) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MigrationException("No <server> with id '" + serverId
                    + "' in settings.xml; add one with username and password, or fix migrations.serverId.");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MigrationException("Cannot decrypt the password of server '" + serverId
                        + "' in settings.xml: " + problem.getMessage() + "; check settings-security.xml.");
            }
        }
        return result.getServer();
    }
}
