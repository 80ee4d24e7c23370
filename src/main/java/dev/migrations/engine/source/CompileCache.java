package dev.migrations.engine.source;

import static dev.migrations.engine.source.TabFields.escape;
import static dev.migrations.engine.source.TabFields.items;
import static dev.migrations.engine.source.TabFields.unescape;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.graph.RevisionNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What earlier runs learnt about each migration source, so that a run reads, compiles and loads
 * only what changed: at head with 2,000 revisions, hashing every source or loading every class
 * would be most of a no-op upgrade (figures in docs/performance.md). One file beside the
 * classes, one line per source: its class, its {@link FileStamp}, its checksum, and how far that
 * exact content got ({@link State}), with its {@code @Revision} metadata once its class loaded
 * and passed every check.
 *
 * <p>One rule: a line counts only for the checksum it names, and only in the plugin build that
 * wrote it (the first line names the build; another build starts from scratch). The stamp stands
 * for the checksum, the class files for the checksum they were compiled from, the metadata for
 * the class that was checked. A new checksum starts the line over. A file that is missing,
 * unreadable or of another build is an empty cache: the cache only saves time.
 *
 * <p>Read and written under the class directory's {@link CompileLock}; written to a temporary
 * file moved into place, so that a build killed mid-write leaves the previous file.
 */
final class CompileCache {

    static final String FILE = "compile-cache.tsv";
    private static final String COLUMNS = "# class\tstamp\tchecksum\tstate"
            + "\tid\tparents\tdepends-on\tbranch-labels\ttransactional\tcreated\tmessage";
    private static final int SOURCE_FIELDS = 4;
    private static final int REVISION_FIELDS = 11;
    /** Far more than any file system's timestamp granularity. */
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** How far a source's content got; each state includes the ones before it. */
    enum State {
        /** Its checksum is known. */
        READ,
        /** Its class files were compiled from this content. */
        COMPILED,
        /** Its class loaded and passed every check; its metadata is cached. */
        CHECKED
    }

    /** What the cache knows of a revision without loading its class. */
    record CachedRevision(RevisionNode node, String created, boolean transactional) {
    }

    /**
     * @param stamp    the file's stamp when {@code checksum} was read; empty when not to be trusted
     * @param revision the metadata, exactly when {@code state} is {@link State#CHECKED}
     */
    private record Entry(String stamp, String checksum, State state, CachedRevision revision) {

        boolean reached(State wanted, String sourceChecksum) {
            return checksum.equals(sourceChecksum) && state.compareTo(wanted) >= 0;
        }
    }

    private final Path classesDirectory;
    private final String plugin;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean changed;
    private long fileSystemNow;

    private CompileCache(Path classesDirectory, String plugin) {
        this.classesDirectory = classesDirectory;
        this.plugin = plugin;
    }

    /** The cache of {@code classesDirectory}, as the last run left it; read under its {@link CompileLock}. */
    static CompileCache read(Path classesDirectory) {
        CompileCache cache;
        try {
            cache = new CompileCache(classesDirectory, ApiBuild.stamp());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin's own jar", e);
        }
        try {
            cache.parse(Files.readString(classesDirectory.resolve(FILE), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            // the first run: every source is read and compiled
        } catch (IOException e) {
            cache.entries.clear();
        }
        return cache;
    }

    /**
     * Lines taken by index rather than as a list of lines split one by one: in a cold JVM that
     * halved the time that parsing 2,000 lines took. Lines end as {@link BufferedWriter#newLine()}
     * wrote them; a line of another shape is skipped.
     */
    private void parse(String text) {
        int start = 0;
        boolean first = true;
        while (start < text.length()) {
            int next = text.indexOf('\n', start);
            int end = next < 0 ? text.length() : next;
            int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            String line = text.substring(start, lineEnd);
            if (first) {
                if (!line.equals(plugin)) {
                    return;
                }
                first = false;
            } else if (!line.startsWith("#")) {
                parseLine(line);
            }
            start = end + 1;
        }
    }

    private void parseLine(String line) {
        String[] fields = line.split("\t", -1);
        State state = switch (fields.length > 3 ? fields[3] : "") {
            case "read" -> State.READ;
            case "compiled" -> State.COMPILED;
            case "checked" -> State.CHECKED;
            default -> null;
        };
        if (state == null || fields.length != (state == State.CHECKED ? REVISION_FIELDS : SOURCE_FIELDS)) {
            return;
        }
        CachedRevision revision = state != State.CHECKED ? null : new CachedRevision(
                new RevisionNode(fields[4], items(fields[5]), items(fields[6]), items(unescape(fields[7])),
                        unescape(fields[10])), unescape(fields[9]), Boolean.parseBoolean(fields[8]));
        entries.put(fields[0], new Entry(fields[1], fields[2], state, revision));
    }

    /** True when nothing is cached: every source will be read. */
    boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The checksum of the source of {@code className}, read and computed only if the file's stamp
     * changed since it was cached. Safe to call from several threads.
     */
    String checksum(String className, Path source) throws IOException {
        // the stamp first: a file changing while it is read gets a new stamp, read again next run
        FileStamp stamp = FileStamp.of(source);
        Entry cached = entries.get(className);
        if (cached != null && cached.stamp().equals(stamp.value())) {
            return cached.checksum();
        }
        String checksum = SourceChecksum.of(Files.readString(source, StandardCharsets.UTF_8));
        // As git does with its index: a file written moments ago may be written again within the
        // same tick of the file system's clock and keep its stamp, so its stamp is not trusted until
        // it is older than that, by that clock (a network file system's clock may not be ours).
        String trusted = stamp.modifiedNanos() < fileSystemNow() - RACY_NANOS ? stamp.value() : "";
        if (cached != null && cached.checksum().equals(checksum)) {
            update(className, new Entry(trusted, checksum, cached.state(), cached.revision()));
        } else {
            update(className, new Entry(trusted, checksum, State.READ, null));
        }
        return checksum;
    }

    /**
     * Brings the class files up to date with {@code sources}: compiles, in one javac call, those
     * whose classes were not compiled from their current content (or are gone), and deletes the
     * classes of sources that no longer exist. Returns how many were compiled.
     */
    int compile(Path sourceRoot, List<SourceFile> sources, EngineLog log) {
        try {
            Files.createDirectories(classesDirectory);
            ClassFiles classFiles = new ClassFiles(classesDirectory);
            Set<String> current = new HashSet<>();
            List<SourceFile> stale = new ArrayList<>();
            for (SourceFile source : sources) {
                current.add(source.className());
                Entry entry = entries.get(source.className());
                if (entry == null || !entry.reached(State.COMPILED, source.checksum())
                        || !classFiles.exist(source.className())) {
                    stale.add(source);
                }
            }
            for (String className : List.copyOf(entries.keySet())) {
                if (!current.contains(className)) {
                    classFiles.delete(className);
                    entries.remove(className);
                    changed = true;
                }
            }
            for (SourceFile source : stale) {
                classFiles.delete(source.className());
            }
            if (!stale.isEmpty()) {
                new Javac(classesDirectory, log).compile(sourceRoot, stale);
                stale.forEach(this::compiled);
            }
            return stale.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile migrations into " + classesDirectory, e);
        }
    }

    private void compiled(SourceFile source) {
        Entry entry = entries.get(source.className());
        if (entry == null || !entry.checksum().equals(source.checksum())) {
            update(source.className(), new Entry("", source.checksum(), State.COMPILED, null));
        } else if (entry.state() == State.READ) {
            update(source.className(), new Entry(entry.stamp(), entry.checksum(), State.COMPILED, null));
        }
    }

    /** The revision as cached for this exact source content, if it is. */
    Optional<CachedRevision> revision(SourceFile source) {
        Entry entry = entries.get(source.className());
        return entry != null && entry.reached(State.CHECKED, source.checksum())
                ? Optional.of(entry.revision()) : Optional.empty();
    }

    /**
     * Whether every source's exact content is known here, so that no class need be loaded to
     * read the revisions. Exactly when {@link #revision} finds each: a catalog that trusts this
     * defers the compile, and must not meet a class to load.
     */
    boolean knowsAll(List<SourceFile> sources) {
        for (SourceFile source : sources) {
            if (revision(source).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Remembers the metadata of a revision whose class loaded and passed every check, if its
     * class files are those of its source's content (its labels were checked on load, so none
     * holds the comma that separates them here).
     */
    void checked(LoadedRevision revision) {
        SourceFile source = revision.source();
        Entry entry = entries.get(source.className());
        if (entry == null || !entry.reached(State.COMPILED, source.checksum()) || entry.state() == State.CHECKED) {
            return;
        }
        update(source.className(), new Entry(entry.stamp(), entry.checksum(), State.CHECKED,
                new CachedRevision(revision.node(), revision.created(), revision.transactional())));
    }

    private void update(String className, Entry entry) {
        entries.put(className, entry);
        changed = true;
    }

    /** The file system's own time, read off a file written now; once per run, only when a source was read. */
    private synchronized long fileSystemNow() {
        if (fileSystemNow == 0) {
            fileSystemNow = readFileSystemNow();
        }
        return fileSystemNow;
    }

    private long readFileSystemNow() {
        try {
            Files.createDirectories(classesDirectory);
            Path probe = Files.createTempFile(classesDirectory, "clock", ".tmp");
            try {
                return Files.getLastModifiedTime(probe).to(TimeUnit.NANOSECONDS);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        }
    }

    /** Keeps what this run learnt for the next, if it learnt anything. */
    void save() {
        if (!changed) {
            return;
        }
        try {
            Files.createDirectories(classesDirectory);
            Path temporary = classesDirectory.resolve(FILE + ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(plugin);
                out.newLine();
                out.write(COLUMNS);
                out.newLine();
                for (Map.Entry<String, Entry> line : new TreeMap<>(entries).entrySet()) {
                    out.write(line(line.getKey(), line.getValue()));
                    out.newLine();
                }
            }
            Files.move(temporary, classesDirectory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            changed = false;
        } catch (IOException e) {
            // the cache only saves time: the next run reads and compiles what this one did again
        }
    }

    private static String line(String className, Entry entry) {
        String source = String.join("\t", className, entry.stamp(), entry.checksum(),
                entry.state().name().toLowerCase(Locale.ROOT));
        CachedRevision revision = entry.revision();
        if (revision == null) {
            return source;
        }
        RevisionNode node = revision.node();
        return String.join("\t", source, node.id(), String.join(",", node.parents()),
                String.join(",", node.dependsOn()), escape(String.join(",", node.branchLabels())),
                String.valueOf(revision.transactional()), escape(revision.created()), escape(node.message()));
    }
}
