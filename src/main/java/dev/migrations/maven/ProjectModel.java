package dev.migrations.maven;

import dev.migrations.autogen.Autogenerate;
import dev.migrations.autogen.model.EntityModelSource;
import dev.migrations.autogen.schema.ObjectFilter;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationsConfig;
import java.io.IOException;
import dev.migrations.engine.MigrationException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.project.MavenProject;

/**
 * The project's compiled classes as autogenerate needs them: the class path, and a loader
 * whose parent is the plugin's, so that the project's entities and the plugin's Hibernate see
 * the same {@code jakarta.persistence} annotations.
 */
final class ProjectModel {

    private ProjectModel() {
    }

    /** Entities are configured: packages are named, or the project has a persistence.xml. */
    static boolean hasEntities(MavenProject project, List<String> entityPackages) {
        if (!ListParameter.values(entityPackages).isEmpty()) {
            return true;
        }
        return Files.isRegularFile(Path.of(project.getBuild().getOutputDirectory(), "META-INF", "persistence.xml"));
    }

    private static EntityModelSource source(MavenProject project, List<String> entityPackages, String persistenceUnit,
                                    Map<String, String> hibernateProperties, List<String> excludeObjects) {
        return new EntityModelSource(classpath(project), ListParameter.values(entityPackages),
                persistenceUnit, hibernateProperties == null ? Map.of() : hibernateProperties,
                new ObjectFilter(ListParameter.values(excludeObjects)));
    }

    /** Runs {@code action} on an autogenerate set up for the project, then releases its classes. */
    static <T> T autogenerate(EntityModelMojo mojo, MigrationsConfig config, String devDatabase, EngineLog log,
                              Function<Autogenerate, T> action) {
        EntityModelSource source = source(mojo.project, mojo.entityPackages, mojo.persistenceUnit,
                mojo.hibernateProperties, mojo.excludeObjects);
        try (URLClassLoader loader = loader(source)) {
            return action.apply(new Autogenerate(config, source, loader, DevDatabase.isThrowaway(devDatabase), log));
        } catch (IOException e) {
            throw new MigrationException("Cannot release the project's classes: " + e.getMessage(), e);
        }
    }

    private static URLClassLoader loader(EntityModelSource source) {
        List<URL> urls = new ArrayList<>();
        for (Path element : source.classpath()) {
            try {
                urls.add(element.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new MigrationException("Cannot use " + element + " on the class path: " + e.getMessage(), e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ProjectModel.class.getClassLoader());
    }

    private static List<Path> classpath(MavenProject project) {
        try {
            return project.getCompileClasspathElements().stream().map(File::new).map(File::toPath).toList();
        } catch (DependencyResolutionRequiredException e) {
            throw new MigrationException("The project's dependencies are not resolved: " + e.getMessage(), e);
        }
    }
}
