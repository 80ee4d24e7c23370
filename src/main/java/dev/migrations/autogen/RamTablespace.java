package dev.migrations.autogen;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A tablespace of the embedded server on a RAM file system, for relations that are created
 * only to be rolled back (the entity model's scratch schema). Creating a table is mostly
 * file-system work for PostgreSQL: a file per table, index, sequence and TOAST table, created
 * and unlinked again. On a busy disk that work took seconds for a few hundred entities; in RAM
 * it does not wait for the disk's journal.
 *
 * <p>Nothing that must survive lives there: the scratch schema is rolled back, so after a
 * reboot (which empties the RAM file system) the tablespace is simply created again, and its
 * empty directory is put back before the server starts, in case the server has a log to replay
 * into it ({@link EmbeddedPostgresServer#start}). Where
 * there is no RAM file system ({@code /dev/shm} is Linux's), or anything about it fails, the
 * scratch schema stays in the default tablespace: slower, never wrong.
 */
public final class RamTablespace {

    /** The tablespace's name in the embedded cluster. */
    public static final String NAME = "migrations_scratch";

    private RamTablespace() {
    }

    /**
     * The tablespace to create the scratch schema in, after making sure that it exists and its
     * directory too.
     *
     * @param admin         a superuser's connection to the embedded server, in autocommit mode
     *                      (a tablespace cannot be created inside a transaction)
     * @param dataDirectory the cluster's data directory: one RAM directory per cluster
     */
    public static Optional<String> prepare(Connection admin, Path dataDirectory, EngineLog log) {
        if (!Files.isDirectory(EmbeddedPostgresServer.RAM_FILE_SYSTEM) || !Files.isWritable(EmbeddedPostgresServer.RAM_FILE_SYSTEM)) {
            return Optional.empty();
        }
        Path location = EmbeddedPostgresServer.RAM_FILE_SYSTEM.resolve("migrations-" + clusterKey(dataDirectory));
        try {
            Optional<String> registered = registeredLocation(admin);
            if (registered.isPresent() && registered.get().equals(location.toString()) && holdsVersionDirectory(location)) {
                return ownedLike(dataDirectory, location) ? Optional.of(NAME) : Optional.empty();
            }
            try (Statement statement = admin.createStatement()) {
                if (registered.isPresent()) {
                    // Its directory went with a reboot: PostgreSQL drops it with a warning.
                    statement.execute("DROP TABLESPACE " + NAME);
                }
                deleteRecursively(location);
                Files.createDirectories(location);
                if (!ownedLike(dataDirectory, location)) {
                    // /dev/shm is everyone's: a name taken by another user is not ours to use
                    log.debug("The scratch schema stays on the disk: " + location + " belongs to someone else");
                    return Optional.empty();
                }
                statement.execute("CREATE TABLESPACE " + NAME + " LOCATION '" + location.toString().replace("'", "''") + "'");
            }
            return Optional.of(NAME);
        } catch (SQLException | IOException | UncheckedIOException e) {
            log.debug("The scratch schema stays on the disk: cannot use " + location + " as a tablespace: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A real directory (not a link) of the user who owns the cluster. */
    private static boolean ownedLike(Path dataDirectory, Path location) throws IOException {
        return Files.isDirectory(location, LinkOption.NOFOLLOW_LINKS)
                && Files.getOwner(location, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(dataDirectory));
    }

    private static Optional<String> registeredLocation(Connection admin) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(
                "SELECT pg_tablespace_location(oid) FROM pg_tablespace WHERE spcname = ?")) {
            query.setString(1, NAME);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** CREATE TABLESPACE made a {@code PG_<version>_<catalog>} directory; a reboot took it away. */
    private static boolean holdsVersionDirectory(Path location) throws IOException {
        if (!Files.isDirectory(location)) {
            return false;
        }
        try (Stream<Path> children = Files.list(location)) {
            return children.anyMatch(child -> child.getFileName().toString().startsWith("PG_"));
        }
    }

    private static void deleteRecursively(Path location) throws IOException {
        if (!Files.exists(location)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(location)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String clusterKey(Path dataDirectory) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(dataDirectory.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
