package dev.migrations.it;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The test oracle for autogenerate: Hibernate itself creates the schema of an entity model in a
 * database of its own, and the schema the plugin's generated migrations produce must describe
 * the same catalog ({@link ItDatabase#snapshot()}).
 *
 * <p>Independent of the plugin on purpose: it uses nothing from {@code dev.migrations} and
 * boots Hibernate as an application does ({@link StandardServiceRegistryBuilder} and
 * {@link MetadataSources} over the entity classes, PostgreSQL dialect, then its
 * {@link SessionFactory}), with the schema action {@code create}, so Hibernate's own schema
 * tooling runs its DDL after everything the bootstrap does first (column ordering included). It can also
 * compile the model's sources itself ({@link #compile}), so that what it sees does not depend
 * on how or where the plugin compiled the project.
 */
public final class HibernateExport {

    private HibernateExport() {
    }

    /**
     * Compiles every {@code .java} file under {@code sourceDirectory} into a clean
     * {@code outputDirectory}, against the JPA and Hibernate annotations this class runs with.
     *
     * @return {@code outputDirectory}
     */
    public static File compile(File sourceDirectory, File outputDirectory) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: the oracle must run on a JDK");
        }
        List<String> sources;
        try (Stream<Path> files = Files.walk(sourceDirectory.toPath())) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
            deleteRecursively(outputDirectory.toPath());
            Files.createDirectories(outputDirectory.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no Java sources under " + sourceDirectory);
        }
        String classpath = Stream.of(Entity.class, org.hibernate.annotations.Check.class)
                .map(HibernateExport::location).distinct().collect(Collectors.joining(File.pathSeparator));
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-nowarn", "-encoding", "UTF-8",
                "--release", "17", "-classpath", classpath, "-d", outputDirectory.getAbsolutePath()));
        arguments.addAll(sources);
        java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
        int exit = javac.run(null, messages, messages, arguments.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("the oracle cannot compile " + sourceDirectory + ":\n"
                    + messages.toString(StandardCharsets.UTF_8));
        }
        return outputDirectory;
    }

    /**
     * Lets Hibernate create the schema of the entity model in an empty database.
     *
     * @param classesDirectories the compiled model (the entity classes and what they use)
     * @param entityPackages     packages (with their subpackages) whose {@code @Entity},
     *                           {@code @Embeddable}, {@code @MappedSuperclass} and {@code @Converter}
     *                           classes make up the model
     * @param url                JDBC url of the (empty) database to create the schema in
     * @param user               user name, or null when the url carries it
     * @param password           password, or null
     * @param scriptFile         where Hibernate also writes its DDL, for reading; null for none
     * @return the names of the model's annotated classes, sorted
     */
    public static List<String> createSchema(List<File> classesDirectories, List<String> entityPackages,
                                            String url, String user, String password, File scriptFile) {
        return createSchema(classesDirectories, entityPackages, url, user, password, scriptFile, Map.of());
    }

    /**
     * {@link #createSchema(List, List, String, String, String, File)} with settings the
     * application would give its Hibernate too (a column ordering strategy, say).
     */
    public static List<String> createSchema(List<File> classesDirectories, List<String> entityPackages,
                                            String url, String user, String password, File scriptFile,
                                            Map<String, String> applicationSettings) {
        return createSchema(classesDirectories, List.of(), entityPackages, url, user, password, scriptFile,
                applicationSettings);
    }

    /**
     * Lets Hibernate create the schema of a model that comes in jars, as a published model
     * does: its entities are found in {@code modelLocations} (classes directories or jars),
     * and {@code libraries} (jars or directories) hold what the entities use without being
     * part of the model, such as the application's own types their fields are declared with.
     * Hibernate and Jakarta Persistence come from this class's own class path, first: a copy
     * of either among the libraries is never used.
     */
    public static List<String> createSchema(List<File> modelLocations, List<File> libraries,
                                            List<String> entityPackages, String url, String user, String password,
                                            File scriptFile, Map<String, String> applicationSettings) {
        URL[] urls = Stream.concat(modelLocations.stream(), libraries.stream())
                .map(HibernateExport::toUrl).toArray(URL[]::new);
        ClassLoader parent = HibernateExport.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("hibernate-export", urls, parent)) {
            thread.setContextClassLoader(loader);
            List<Class<?>> classes = modelClasses(loader, modelLocations, entityPackages);
            if (classes.stream().noneMatch(c -> c.isAnnotationPresent(Entity.class))) {
                throw new IllegalArgumentException("no @Entity classes in " + entityPackages + " under " + modelLocations);
            }

            Map<String, Object> settings = new HashMap<>(applicationSettings);
            settings.put(AvailableSettings.JAKARTA_JDBC_URL, url);
            if (user != null) {
                settings.put(AvailableSettings.JAKARTA_JDBC_USER, user);
            }
            if (password != null) {
                settings.put(AvailableSettings.JAKARTA_JDBC_PASSWORD, password);
            }
            settings.put(AvailableSettings.DIALECT, "org.hibernate.dialect.PostgreSQLDialect");
            settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create");
            settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true");
            settings.put(AvailableSettings.SHOW_SQL, "false");
            if (scriptFile != null) {
                scriptFile.getAbsoluteFile().getParentFile().mkdirs();
                Files.deleteIfExists(scriptFile.toPath());
                settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "create");
                settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, scriptFile.getAbsolutePath());
                settings.put(AvailableSettings.HBM2DDL_DELIMITER, ";");
            }

            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
            try {
                MetadataSources sources = new MetadataSources(registry);
                classes.forEach(sources::addAnnotatedClass);
                // The application's own bootstrap: building its SessionFactory is what runs the
                // schema action, after integrators and column ordering have had their say.
                Metadata metadata = sources.buildMetadata();
                try (SessionFactory ignored = metadata.getSessionFactoryBuilder().build()) {
                    // created on build; "create" leaves the schema in place on close
                }
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
            return classes.stream().map(Class::getName).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** {@link #createSchema} for a url that carries its user (as the scenario's databases do). */
    public static List<String> createSchema(File classesDirectory, String entityPackage, String url, String user,
                                            File scriptFile) {
        return createSchema(List.of(classesDirectory), List.of(entityPackage), url, user, null, scriptFile);
    }

    private static final List<Class<? extends Annotation>> MODEL_ANNOTATIONS =
            List.of(Entity.class, Embeddable.class, MappedSuperclass.class, Converter.class);

    private static List<Class<?>> modelClasses(ClassLoader loader, List<File> modelLocations,
                                               List<String> entityPackages) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (File location : modelLocations) {
            names.addAll(location.isDirectory() ? classNamesInDirectory(location, entityPackages)
                    : classNamesInJar(location, entityPackages));
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name, e);
            }
            if (MODEL_ANNOTATIONS.stream().anyMatch(type::isAnnotationPresent)) {
                classes.add(type);
            }
        }
        classes.sort(Comparator.comparing(Class::getName));
        return classes;
    }

    private static List<String> classNamesInDirectory(File directory, List<String> entityPackages)
            throws IOException {
        List<String> names = new ArrayList<>();
        Path root = directory.toPath();
        for (String entityPackage : entityPackages) {
            Path packageDir = root.resolve(entityPackage.trim().replace('.', File.separatorChar));
            if (!Files.isDirectory(packageDir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(packageDir)) {
                files.map(f -> root.relativize(f).toString().replace(File.separatorChar, '/'))
                        .filter(HibernateExport::isClassFile)
                        .sorted()
                        .forEach(f -> names.add(className(f)));
            }
        }
        return names;
    }

    private static List<String> classNamesInJar(File jar, List<String> entityPackages) throws IOException {
        List<String> prefixes = entityPackages.stream().map(p -> p.trim().replace('.', '/') + "/").toList();
        try (JarFile file = new JarFile(jar)) {
            return file.stream().map(JarEntry::getName)
                    .filter(HibernateExport::isClassFile)
                    .filter(entry -> prefixes.stream().anyMatch(entry::startsWith))
                    .sorted()
                    .map(HibernateExport::className)
                    .toList();
        }
    }

    private static boolean isClassFile(String relativePath) {
        return relativePath.endsWith(".class") && !relativePath.endsWith("package-info.class")
                && !relativePath.endsWith("module-info.class");
    }

    private static String className(String relativePath) {
        return relativePath.substring(0, relativePath.length() - ".class".length()).replace('/', '.');
    }

    private static URL toUrl(File location) {
        if (!location.isDirectory() && !(location.isFile() && location.getName().endsWith(".jar"))) {
            throw new IllegalArgumentException("neither a classes directory nor a jar: " + location);
        }
        try {
            return location.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(location.toString(), e);
        }
    }

    private static String location(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getAbsolutePath();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " comes from", e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
