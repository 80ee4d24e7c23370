package dev.migrations.engine.source;

import static dev.migrations.engine.source.TabFields.escape;
import static dev.migrations.engine.source.TabFields.items;
import static dev.migrations.engine.source.TabFields.unescape;

import dev.migrations.engine.MigrationException;
import dev.migrations.engine.graph.RevisionId;
import dev.migrations.engine.graph.RevisionNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The index an application's jar carries next to its compiled migrations: one line per
 * revision with its class, its metadata and the checksum of its source as written. The source
 * is not in the jar, so this checksum is what the runtime records and compares, exactly the
 * one the plugin records, and an applied revision edited and rebuilt is caught in production
 * as it is in the build.
 *
 * <p>Text, one revision a line, fields separated by tabs, so that a reviewer can read what a jar
 * will apply with {@code unzip -p app.jar META-INF/migrations/db.migrations.index}.
 */
public final class ShippedIndex {

    private static final String FORMAT = "# dev.migrations revision index 1";
    private static final String HEADER = "# class\tfile\tchecksum\tid\tparents\tdepends-on\tbranch-labels"
            + "\ttransactional\tcreated\tmessage";
    private static final int FIELDS = 10;

    private ShippedIndex() {
    }

    /** An index written: its file and how many revisions it lists. */
    public record Written(Path index, int revisions) {
    }

    /** The index's resource name for the migrations of {@code packageName}. */
    public static String resource(String packageName) {
        return "META-INF/migrations/" + packageName + ".index";
    }

    /**
     * Copies the compiled classes of {@code revisions} from {@code classesDirectory} into
     * {@code outputDirectory} and writes their index there.
     */
    public static Written write(List<LoadedRevision> revisions, String packageName, Path classesDirectory,
                             Path outputDirectory) {
        try {
            for (LoadedRevision revision : revisions) {
                copyClasses(revision.source().className(), classesDirectory, outputDirectory);
            }
            List<String> lines = new ArrayList<>(List.of(FORMAT, HEADER));
            for (LoadedRevision revision : revisions) {
                lines.add(line(revision));
            }
            Path index = outputDirectory.resolve(resource(packageName));
            Files.createDirectories(index.getParent());
            Path temporary = index.resolveSibling(index.getFileName() + ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(index, revisions.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the migrations into " + outputDirectory, e);
        }
    }

    /** The class itself and its nested classes ({@code Name$1.class}, ...). */
    private static void copyClasses(String className, Path classesDirectory, Path outputDirectory) throws IOException {
        String path = className.replace('.', '/');
        int slash = path.lastIndexOf('/');
        Path from = classesDirectory.resolve(slash < 0 ? "" : path.substring(0, slash));
        Path to = outputDirectory.resolve(slash < 0 ? "" : path.substring(0, slash));
        String simple = path.substring(slash + 1);
        Files.createDirectories(to);
        try (var files = Files.newDirectoryStream(from, simple + "{.class,$*.class}")) {
            for (Path file : files) {
                Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String line(LoadedRevision revision) {
        RevisionNode node = revision.node();
        SourceFile source = revision.source();
        return String.join("\t", escape(source.className()), escape(source.path().getFileName().toString()),
                source.checksum(), node.id(), String.join(",", node.parents()), String.join(",", node.dependsOn()),
                escape(String.join(",", node.branchLabels())), String.valueOf(revision.transactional()),
                escape(revision.created()), escape(node.message()));
    }

    /**
     * The revisions listed by the one index of {@code packageName} on {@code classLoader}'s
     * class path, in its order, their classes loaded from there when they run.
     */
    public static List<LoadedRevision> read(ClassLoader classLoader, String packageName) {
        String name = resource(packageName);
        List<URL> found;
        try {
            found = Collections.list(classLoader.getResources(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for " + name + " on the class path", e);
        }
        if (found.isEmpty()) {
            throw new MigrationException("No migrations of package " + packageName + " on the class path: no jar or "
                    + "directory on it has " + name + "; package the application with the plugin's compile goal "
                    + "(docs/runtime.md), or name the package its migrations are in.");
        }
        if (found.size() > 1) {
            throw new MigrationException("Two revision indexes of package " + packageName + " on the class path: "
                    + found.get(0) + " and " + found.get(1) + "; keep one application's migrations on it.");
        }
        MigrationLoader loader = new MigrationLoader(classLoader);
        List<LoadedRevision> revisions = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(found.get(0).openStream(),
                StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            if (!FORMAT.equals(first)) {
                throw damaged(found.get(0), 1, "it does not start with '" + FORMAT + "'");
            }
            int number = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                revisions.add(parse(line, found.get(0), number, loader));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + found.get(0), e);
        }
        return revisions;
    }

    private static LoadedRevision parse(String line, URL index, int number, MigrationLoader loader) {
        String[] fields = line.split("\t", -1);
        if (fields.length != FIELDS) {
            throw damaged(index, number, "it has " + fields.length + " fields instead of " + FIELDS);
        }
        String id = fields[3];
        if (!RevisionId.isWellFormed(id)) {
            throw damaged(index, number, "'" + id + "' is not a revision id");
        }
        SourceFile source = new SourceFile(Path.of(unescape(fields[1])), unescape(fields[0]), fields[2]);
        RevisionNode node = new RevisionNode(id, items(fields[4]), items(fields[5]), items(unescape(fields[6])),
                unescape(fields[9]));
        return new LoadedRevision(node, source, unescape(fields[8]), Boolean.parseBoolean(fields[7]), loader);
    }

    private static MigrationException damaged(URL index, int line, String why) {
        return new MigrationException("The revision index " + index + " is damaged at line " + line + ": " + why
                + "; rebuild the application.");
    }
}
