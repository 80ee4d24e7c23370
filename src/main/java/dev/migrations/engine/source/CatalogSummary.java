package dev.migrations.engine.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the last full load of a project's revisions found: the graph's heads and each source's
 * revision id, so that a run over the same sources can tell that a database is at head without
 * loading a revision or building the graph (at 2,000 revisions those are a third of a no-op
 * upgrade in Maven's cold JVM). Kept beside the class cache, it belongs to one build of the
 * plugin and holds a digest of every source's class name and checksum: it describes exactly the
 * sources that were loaded and checked when it was written, and nothing else.
 */
final class CatalogSummary {

    private static final String FILE = "catalog-summary.txt";

    private final long digest;
    private final Set<String> heads;
    private final List<String> ids;

    private CatalogSummary(long digest, Set<String> heads, List<String> ids) {
        this.digest = digest;
        this.heads = heads;
        this.ids = ids;
    }

    /** The summary kept in {@code classesDirectory} by this build of the plugin, if there is a readable one. */
    static Optional<CatalogSummary> read(Path classesDirectory, String plugin) {
        if (plugin == null) {
            return Optional.empty();
        }
        try {
            String[] lines = Files.readString(classesDirectory.resolve(FILE), StandardCharsets.UTF_8).split("\n", -1);
            if (lines.length < 4 || !lines[0].equals(plugin)) {
                return Optional.empty();
            }
            return Optional.of(new CatalogSummary(Long.parseUnsignedLong(lines[1], 16),
                    new TreeSet<>(words(lines[2])), words(lines[3])));
        } catch (IOException | NumberFormatException e) {
            // none yet, or damaged: the run loads the revisions, as without a summary
            return Optional.empty();
        }
    }

    /** Whether this summary was written from exactly {@code sources}, whose digest is {@code digest}. */
    boolean describes(List<SourceFile> sources, long digest) {
        return this.digest == digest && ids.size() == sources.size();
    }

    /** The heads, and each revision's id with its source's checksum; for the sources this summary {@link #describes}. */
    KnownRevisions known(List<SourceFile> sources) {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            checksums.put(ids.get(i), sources.get(i).checksum());
        }
        return new KnownRevisions(heads, checksums);
    }

    /**
     * Keeps the summary of a load of {@code sources}: {@code ids} are their revision ids, in the
     * same order. Two runs may write at once: each writes a file of its own and moves it into
     * place, and either summary is true of the sources it names.
     */
    static void write(Path classesDirectory, String plugin, long digest, Collection<String> heads, List<String> ids) {
        if (plugin == null) {
            return;
        }
        String text = plugin + "\n" + Long.toHexString(digest) + "\n" + String.join(" ", new TreeSet<>(heads)) + "\n"
                + String.join(" ", ids) + "\n";
        try {
            Files.createDirectories(classesDirectory);
            Path temporary = Files.createTempFile(classesDirectory, FILE, ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                Files.move(temporary, classesDirectory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // the summary only saves time: the next run loads the revisions
        }
    }

    /**
     * Every source's class name and checksum, in order, folded into 64 bits. The checksum counts
     * with its first 64 bits (it is a SHA-256 in hex), so an edit goes unnoticed with a chance of
     * 2^-64; a renamed file counts with its name's hash.
     */
    static long digest(List<SourceFile> sources) {
        long folded = sources.size();
        for (SourceFile source : sources) {
            folded = fold(folded, source.className().hashCode());
            folded = fold(folded, leading64Bits(source.checksum()));
        }
        return folded;
    }

    private static long leading64Bits(String checksum) {
        try {
            return Long.parseUnsignedLong(checksum, 0, Math.min(16, checksum.length()), 16);
        } catch (NumberFormatException e) {
            return checksum.hashCode();
        }
    }

    private static long fold(long folded, long field) {
        long mixed = (folded ^ field) * 0x9E3779B97F4A7C15L;
        return mixed ^ (mixed >>> 29);
    }

    private static List<String> words(String line) {
        return line.isEmpty() ? List.of() : Arrays.asList(line.split(" ", -1));
    }
}
