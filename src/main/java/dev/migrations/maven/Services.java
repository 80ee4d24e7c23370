package dev.migrations.maven;

import dev.migrations.engine.MigrationException;
import java.io.File;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Which projects of the reactor are services: each module that configures the plugin (or has
 * a migrations directory) owns one database. An aggregator pom is not one.
 */
final class Services {

    private final List<MavenProject> reactor;
    private final String pluginKey;

    Services(List<MavenProject> reactor, String pluginKey) {
        this.reactor = reactor;
        this.pluginKey = pluginKey;
    }

    boolean isService(MavenProject project) {
        if (reactor.size() <= 1) {
            return true;
        }
        if (migrationsDirectory(project).isDirectory()) {
            return true;
        }
        boolean declares = false;
        for (Plugin plugin : project.getBuildPlugins()) {
            if (pluginKey.equals(plugin.getKey())) {
                declares = true;
            }
        }
        return declares && !"pom".equals(project.getPackaging());
    }

    private List<String> services() {
        return reactor.stream().filter(this::isService).map(MavenProject::getArtifactId).toList();
    }

    /** The project's migrations directory, as its own plugin configuration sets it. */
    private File migrationsDirectory(MavenProject project) {
        for (Plugin plugin : project.getBuildPlugins()) {
            if (pluginKey.equals(plugin.getKey()) && plugin.getConfiguration() instanceof Xpp3Dom config
                    && config.getChild("migrationsDirectory") != null) {
                File configured = new File(config.getChild("migrationsDirectory").getValue());
                return configured.isAbsolute() ? configured : new File(project.getBasedir(), configured.getPath());
            }
        }
        return new File(project.getBasedir(), "src/main/migrations");
    }

    /** The build has more than one service: its output must say which one each line is about. */
    boolean severalIn() {
        return services().size() > 1;
    }

    void requireOne(String goal) {
        List<String> services = services();
        if (services.size() > 1) {
            throw new MigrationException("migrations:" + goal + " acts on one service, but this build has "
                    + services.size() + " (" + String.join(", ", services) + "); choose one with -pl <module>.");
        }
    }
}
