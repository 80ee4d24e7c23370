package dev.migrations.engine.source;

import dev.migrations.engine.graph.RevisionNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code @Revision} metadata of every compiled migration, keyed by its source's checksum,
 * so that a run can build the revision graph without loading a class: at head with 2,000
 * revisions, loading them all would be most of a no-op upgrade. A class is loaded only when
 * its revision runs. An entry is written only after its class loaded and passed every check,
 * so a cached entry stands for a class that would pass them again.
 */
final class RevisionIndex {

    private static final String FILE = "revisions.properties";
    /** ASCII unit separator: ids, labels and messages never contain it. */
    private static final String FIELD = "\u001f";
    private static final String ITEM = "\u001e";

    private final Path file;
    private final Properties entries = new Properties();
    private final Map<String, Optional<Cached>> parsed = new HashMap<>();
    private boolean changed;

    RevisionIndex(Path classesDirectory) {
        this.file = classesDirectory.resolve(FILE);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                entries.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // a damaged cache costs one full load, nothing else
                entries.clear();
            }
        }
    }

    /** The revision as cached for this exact source content, if it is. */
    Optional<Cached> get(SourceFile source) {
        // asked twice per source when the catalog first checks that it knows them all
        return parsed.computeIfAbsent(source.className(), name -> parse(source));
    }

    private Optional<Cached> parse(SourceFile source) {
        String value = entries.getProperty(source.className());
        if (value == null) {
            return Optional.empty();
        }
        String[] fields = value.split(FIELD, -1);
        if (fields.length != 8 || !fields[0].equals(source.checksum())) {
            return Optional.empty();
        }
        RevisionNode node = new RevisionNode(fields[1], items(fields[2]), items(fields[3]), items(fields[4]), fields[7]);
        return Optional.of(new Cached(node, fields[6], Boolean.parseBoolean(fields[5])));
    }

    /**
     * Whether every source's exact content is known here, so that no class need be loaded to
     * read the revisions. Exactly when {@link #get} finds each: a catalog that trusts this
     * defers the compile, and must not meet a class to load.
     */
    boolean knowsAll(List<SourceFile> sources) {
        for (SourceFile source : sources) {
            if (get(source).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    void put(LoadedRevision revision) {
        parsed.remove(revision.source().className());
        RevisionNode node = revision.node();
        String value = String.join(FIELD, revision.source().checksum(), node.id(), String.join(ITEM, node.parents()),
                String.join(ITEM, node.dependsOn()), String.join(ITEM, node.branchLabels()),
                String.valueOf(revision.transactional()), revision.created(), node.message());
        if (!value.equals(entries.put(revision.source().className(), value))) {
            changed = true;
        }
    }

    /** Forgets classes whose sources are gone. */
    void retain(List<SourceFile> sources) {
        Set<String> current = sources.stream().map(SourceFile::className).collect(Collectors.toSet());
        changed |= entries.keySet().removeIf(name -> !current.contains((String) name));
    }

    void save() {
        if (!changed) {
            return;
        }
        try {
            Path temporary = file.resolveSibling(FILE + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                entries.store(out, "@Revision metadata of compiled migrations, by source checksum");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            changed = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static List<String> items(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(ITEM, -1));
    }

    /** What the index knows of a revision without its class. */
    record Cached(RevisionNode node, String created, boolean transactional) {
    }
}
