package dev.migrations.engine.source;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The checksums of the last run's sources, each with a stamp of the file: size, modification
 * and status-change times, inode. A run reads and hashes only the sources whose stamp changed:
 * in Maven's cold JVM, hashing every source is most of a no-op upgrade (figures in
 * docs/performance.md). The status-change time cannot be set back by tools that preserve
 * modification times ({@code cp -p}, {@code touch -d}, rsync), so an edit always changes the
 * stamp where the file system keeps one (the "unix" attribute view); elsewhere the stamp is
 * size, modification time and file key. The cache belongs to one build of the plugin: another
 * build (perhaps checksumming differently) starts from scratch.
 */
final class ChecksumCache {

    private static final String FILE = "checksums.tsv";
    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    /** Far more than any file system's timestamp granularity. */
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Path directory;
    private final String plugin;
    private final Map<String, Entry> previous = new ConcurrentHashMap<>();
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    private volatile Long fileSystemNow;

    private record Entry(String stamp, String checksum) {
    }

    private ChecksumCache(Path directory, String plugin) {
        this.directory = directory;
        this.plugin = plugin;
    }

    /** A cache kept in {@code directory}; an unreadable cache, or one of another plugin build, is an empty one. */
    static ChecksumCache in(Path directory) {
        String plugin;
        try {
            plugin = ApiBuild.stamp();
        } catch (IOException e) {
            return none();
        }
        ChecksumCache cache = new ChecksumCache(directory, plugin);
        try {
            cache.parse(Files.readString(directory.resolve(FILE), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            // the first run: every source is read
        } catch (IOException | UncheckedIOException e) {
            cache.previous.clear();
        }
        return cache;
    }

    /**
     * Reads the lines {@code name TAB stamp TAB checksum} after the plugin line, by index rather
     * than as a list of lines split one by one: in a cold JVM that halved the 25-30 ms that
     * parsing 2,000 lines took. Lines end as {@link BufferedWriter#newLine()} wrote them; a line
     * without exactly three fields is skipped.
     */
    private void parse(String text) {
        int start = 0;
        boolean first = true;
        while (start < text.length()) {
            int next = text.indexOf('\n', start);
            int end = next < 0 ? text.length() : next;
            int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (first) {
                if (!text.substring(start, lineEnd).equals(plugin)) {
                    return;
                }
                first = false;
            } else {
                int tab = text.indexOf('\t', start);
                int secondTab = tab < 0 || tab >= lineEnd ? -1 : text.indexOf('\t', tab + 1);
                if (secondTab > 0 && secondTab < lineEnd) {
                    String checksum = text.substring(secondTab + 1, lineEnd);
                    if (checksum.indexOf('\t') < 0) {
                        previous.put(text.substring(start, tab),
                                new Entry(text.substring(tab + 1, secondTab), checksum));
                    }
                }
            }
            start = end + 1;
        }
    }

    /** A cache that remembers nothing: every source is read every time. */
    static ChecksumCache none() {
        return new ChecksumCache(null, null);
    }

    /** True when no checksum was cached: every source will be read. */
    boolean isEmpty() {
        return previous.isEmpty();
    }

    /** The checksum of {@code source}, read and computed only if the file changed since it was cached. */
    String checksum(Path source) throws IOException {
        // the stamp first: a file changing while it is read gets a new stamp, read again next run
        long modified;
        String stamp;
        if (UNIX) {
            Map<String, Object> unix = Files.readAttributes(source, "unix:size,lastModifiedTime,ctime,ino,dev");
            modified = ((FileTime) unix.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
            stamp = stamp((Long) unix.get("size"), modified,
                    ((FileTime) unix.get("ctime")).to(TimeUnit.NANOSECONDS), (Long) unix.get("ino"),
                    (Long) unix.get("dev"));
        } else {
            BasicFileAttributes basic = Files.readAttributes(source, BasicFileAttributes.class);
            modified = basic.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            stamp = stamp(basic.size(), modified, Objects.hashCode(basic.fileKey()));
        }
        String name = source.getFileName().toString();
        Entry cached = previous.get(name);
        if (cached != null && cached.stamp().equals(stamp)) {
            current.put(name, cached);
            return cached.checksum();
        }
        String checksum = SourceChecksum.of(Files.readString(source, StandardCharsets.UTF_8));
        // As git does with its index: a file written moments ago may be written again within the
        // same tick of the file system's clock and keep its stamp, so it is not cached until it
        // is older than that, by that clock (a network file system's clock may not be ours).
        if (directory != null && modified < fileSystemNow() - RACY_NANOS) {
            current.put(name, new Entry(stamp, checksum));
        }
        return checksum;
    }

    /**
     * The stamp's fields folded into 64 bits, written in hex: one number to format per file
     * instead of five, and no concatenation: in a cold JVM that is a third of the time spent
     * stamping 2,000 sources. Two different stamps of one file fold alike with a chance of 2^-64.
     */
    private static String stamp(long... fields) {
        long folded = 0;
        for (long field : fields) {
            folded = (folded ^ field) * 0x9E3779B97F4A7C15L;
            folded ^= folded >>> 29;
        }
        return Long.toHexString(folded);
    }

    /** The file system's own time, read off a file written now; once per run, only when a source was read. */
    private long fileSystemNow() {
        Long now = fileSystemNow;
        if (now == null) {
            synchronized (this) {
                if (fileSystemNow == null) {
                    fileSystemNow = readFileSystemNow();
                }
                now = fileSystemNow;
            }
        }
        return now;
    }

    private long readFileSystemNow() {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, "clock", ".tmp");
            try {
                return Files.getLastModifiedTime(probe).to(TimeUnit.NANOSECONDS);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        }
    }

    /** Keeps this run's checksums for the next run, if anything changed. */
    void save() {
        if (directory == null || current.equals(previous)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(FILE + ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(plugin);
                out.newLine();
                for (Map.Entry<String, Entry> entry : new TreeMap<>(current).entrySet()) {
                    out.write(entry.getKey() + "\t" + entry.getValue().stamp() + "\t" + entry.getValue().checksum());
                    out.newLine();
                }
            }
            Files.move(temporary, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the cache only saves time: the next run reads every source again
        }
    }
}
