package dev.migrations.engine.source;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checksums of the last run's sources, each with the file's size, modification time and
 * file key (device and inode): a run reads and hashes only the sources that changed since. In
 * Maven's cold JVM, hashing every source is most of a no-op upgrade (2,000 sources: about
 * 0.4 s here, against a few milliseconds of file attributes). An edit that keeps a file's
 * size, its modification time to the nanosecond and its inode goes unseen; editors, git and
 * build tools all change at least one of them.
 */
final class ChecksumCache {

    private static final String FILE = "checksums-v1.tsv";
    private static final long RACY_MILLIS = 2_000;

    private final Path file;
    private final Map<String, Entry> previous = new ConcurrentHashMap<>();
    private final Map<String, Entry> current = new ConcurrentHashMap<>();

    private record Entry(String stamp, String checksum) {
    }

    private ChecksumCache(Path file) {
        this.file = file;
    }

    /** A cache kept in {@code directory}; an unreadable cache is an empty one. */
    static ChecksumCache in(Path directory) {
        ChecksumCache cache = new ChecksumCache(directory.resolve(FILE));
        try {
            for (String line : Files.readAllLines(cache.file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                if (fields.length == 3) {
                    cache.previous.put(fields[0], new Entry(fields[1], fields[2]));
                }
            }
        } catch (NoSuchFileException e) {
            // the first run: every source is read
        } catch (IOException | UncheckedIOException e) {
            cache.previous.clear();
        }
        return cache;
    }

    /** A cache that remembers nothing: every source is read every time. */
    static ChecksumCache none() {
        return new ChecksumCache(null);
    }

    /** The checksum of {@code source}, read and computed only if the file changed since it was cached. */
    String checksum(Path source) throws IOException {
        // attributes first: a file changing while it is read gets a new stamp, read again next run
        BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
        String stamp = attributes.size() + " " + attributes.lastModifiedTime() + " " + attributes.fileKey();
        String name = source.getFileName().toString();
        Entry cached = previous.get(name);
        if (cached != null && cached.stamp().equals(stamp)) {
            current.put(name, cached);
            return cached.checksum();
        }
        String checksum = SourceChecksum.of(Files.readString(source, StandardCharsets.UTF_8));
        // As git does with its index: a file written in the last moments may be written again
        // within the same tick of the file system's clock, keeping its stamp; it is not cached
        // until it is older than that.
        if (attributes.lastModifiedTime().toMillis() < System.currentTimeMillis() - RACY_MILLIS) {
            current.put(name, new Entry(stamp, checksum));
        }
        return checksum;
    }

    /** Keeps this run's checksums for the next run, if anything changed. */
    void save() {
        if (file == null || current.equals(previous)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE + ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, Entry> entry : new TreeMap<>(current).entrySet()) {
                    out.write(entry.getKey() + "\t" + entry.getValue().stamp() + "\t" + entry.getValue().checksum());
                    out.newLine();
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the cache only saves time: the next run reads every source again
        }
    }
}
