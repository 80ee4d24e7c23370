package dev.migrations.it;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.Spelling;
import dev.migrations.engine.db.ConnectionSettings;
import dev.migrations.engine.db.EmbeddedPostgresServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives one invoker project step by step from its verify.groovy: runs real {@code mvn}
 * processes against a real PostgreSQL and lets the script inspect the database between steps.
 *
 * <p>The database is an embedded PostgreSQL of the scenario's own (in the project's
 * {@code target/it-db}); every build is pointed at it with {@code -Dmigrations.url}, so the
 * script can query it while no build runs, and several builds can share it at once.
 */
public final class Scenario implements AutoCloseable {

    private final File basedir;
    private final File localRepository;
    private final EmbeddedPostgresServer server;
    private final ItDatabase database;
    private int step;

    private Scenario(File basedir, File localRepository, EmbeddedPostgresServer server) {
        this.basedir = basedir;
        this.localRepository = localRepository;
        this.server = server;
        this.database = new ItDatabase(server.connectionSettings());
    }

    /** Starts the scenario's database; call from verify.groovy with its basedir and localRepositoryPath. */
    public static Scenario start(File basedir, File localRepository) {
        Path data = basedir.toPath().resolve("target/it-db/pgdata");
        return new Scenario(basedir, localRepository, EmbeddedPostgresServer.start(data, EngineLog.SILENT, Spelling.LIBRARY));
    }

    public ItDatabase db() {
        return database;
    }

    public String url() {
        return server.connectionSettings().url();
    }

    /**
     * A new, empty database {@code name} on the scenario's server, dropped first if it exists,
     * such as the {@code oracle} database a reference schema is built in. The builds keep using
     * the scenario's own database ({@link #db()}).
     */
    public ItDatabase freshDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*") || name.equals("postgres")) {
            throw new IllegalArgumentException("not a name for a scratch database: " + name);
        }
        database.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        database.execute("CREATE DATABASE " + name);
        return new ItDatabase(settingsFor(name));
    }

    /** The scenario server's connection settings for another database on it. */
    public ConnectionSettings settingsFor(String databaseName) {
        ConnectionSettings own = server.connectionSettings();
        Matcher url = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)").matcher(own.url());
        if (!url.matches()) {
            throw new IllegalStateException("unexpected url of the embedded database: " + own.displayUrl());
        }
        return new ConnectionSettings(url.group(1) + databaseName + url.group(3), own.username(), own.password());
    }

    /** The migration sources of the project ({@code src/main/migrations}), sorted. */
    public List<File> migrationSources() {
        Path root = basedir.toPath().resolve("src/main/migrations");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().map(Path::toFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The revision a successful {@code revision} build wrote: the one migration source that
     * was not there {@code before}, its file named after {@code slug}, and the build's output
     * naming both the file and its id.
     */
    public WrittenRevision writtenRevision(List<File> before, BuildResult result, String slug) {
        List<File> added = new ArrayList<>(migrationSources());
        added.removeAll(before);
        if (added.size() != 1) {
            throw new AssertionError("expected exactly one new migration, got " + added);
        }
        File file = added.get(0);
        Matcher name = Pattern.compile("[A-Za-z]+\\d{8}_\\d{4}_([0-9a-f]{12})_" + Pattern.quote(slug) + "\\.java")
                .matcher(file.getName());
        if (!name.matches()) {
            throw new AssertionError("unexpected file name " + file.getName());
        }
        result.contains(file.getName()).contains(name.group(1));
        return new WrittenRevision(file, name.group(1));
    }

    /** Runs {@code mvn} in the project (or a module of it) against the scenario's database. */
    public BuildResult mvn(String... arguments) {
        return mvnIn(basedir, arguments);
    }

    public BuildResult mvnIn(File directory, String... arguments) {
        return start(directory, arguments).await();
    }

    /**
     * Runs {@code mvn} in the project with {@code environment} added to its own and without the
     * scenario's {@code -Dmigrations.url}: the build finds its database as a user's build does,
     * from its arguments, the environment ({@code MIGRATIONS_URL}) or the pom.
     */
    public BuildResult mvnOwnDatabase(Map<String, String> environment, String... arguments) {
        return start(basedir, environment, false, arguments).await();
    }

    /** Starts {@code mvn} without waiting, for concurrent runs. */
    public RunningBuild start(File directory, String... arguments) {
        return start(directory, Map.of(), true, arguments);
    }

    private RunningBuild start(File directory, Map<String, String> environment, boolean scenarioUrl,
                               String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(mavenExecutable());
        command.addAll(List.of("-B", "-Dmaven.repo.local=" + localRepository.getAbsolutePath(), "-Dstyle.color=never"));
        if (scenarioUrl) {
            command.add("-Dmigrations.url=" + url());
        }
        command.addAll(Arrays.asList(arguments));
        return launch(directory, environment, command, String.join(" ", arguments));
    }

    /**
     * Runs a program other than Maven in the project, as a user starts it (the application's
     * own JVM, say), with {@code environment} added to the scenario's own.
     */
    public BuildResult run(Map<String, String> environment, List<String> command) {
        return startProgram(environment, command).await();
    }

    /** As {@link #run}, without waiting: for processes started together. */
    public RunningBuild startProgram(Map<String, String> environment, List<String> command) {
        return launch(basedir, environment, command, String.join(" ", command));
    }

    private RunningBuild launch(File directory, Map<String, String> environment, List<String> command,
                                String description) {
        step++;
        File log = new File(basedir, "target/step-" + step + ".log");
        log.getParentFile().mkdirs();
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory).redirectErrorStream(true)
                    .redirectOutput(log);
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new RunningBuild(process, log, description);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    /** The Maven that runs the invoker, so that the scenario uses the same version. */
    private static String mavenExecutable() {
        String home = System.getProperty("maven.home");
        if (home == null) {
            return "mvn";
        }
        return new File(home, "bin/mvn").getAbsolutePath();
    }

    /** A build started and not yet awaited. */
    public static final class RunningBuild {
        private final Process process;
        private final File log;
        private final String arguments;

        RunningBuild(Process process, File log, String arguments) {
            this.process = process;
            this.log = log;
            this.arguments = arguments;
        }

        /** Kills the build as {@code kill -9} would: no shutdown hook, no finally block runs. */
        public void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("mvn " + arguments + " did not die within 30 s of SIGKILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        public BuildResult await() {
            try {
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("mvn " + arguments + " did not finish in 5 minutes; see " + log);
                }
                String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
                return new BuildResult(arguments, process.exitValue(), output);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
