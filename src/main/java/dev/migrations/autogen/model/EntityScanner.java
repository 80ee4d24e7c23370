package dev.migrations.autogen.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Lists the classes of some packages (and their sub-packages) on a class path, reading
 * directory trees and jars directly: loading is left to the caller, which only wants the
 * classes annotated {@code @Entity}.
 */
final class EntityScanner {

    private EntityScanner() {
    }

    /** Binary class names in {@code packages}, sorted, nested classes included. */
    static List<String> classNames(List<Path> classpath, List<String> packages) {
        TreeSet<String> names = new TreeSet<>();
        List<String> folders = packages.stream().map(pkg -> pkg.replace('.', '/') + "/").toList();
        for (Path element : classpath) {
            if (Files.isDirectory(element)) {
                scanDirectory(element, packages, names);
            } else if (Files.isRegularFile(element) && element.toString().endsWith(".jar")) {
                scanJar(element, folders, names);
            }
        }
        return new ArrayList<>(names);
    }

    private static void scanDirectory(Path root, List<String> packages, TreeSet<String> names) {
        for (String pkg : packages) {
            Path dir = root.resolve(pkg.replace('.', '/'));
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> root.relativize(f).toString().replace('\\', '/'))
                        .forEach(relative -> add(relative, names));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the classes in " + dir, e);
            }
        }
    }

    /**
     * Every entry name of every jar of the class path is looked at (a project with a published
     * model has some 180 jars and 50,000 entries, on the model's critical path): so the jar is
     * read as a plain zip, whose entries are names only, where a {@link java.util.jar.JarFile}
     * makes each a {@code JarEntry} with its multi-release and signing lookups (half the time
     * again), and the package folders are spelled once, not per entry.
     */
    private static void scanJar(Path jar, List<String> folders, TreeSet<String> names) {
        try (ZipFile file = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (!entry.endsWith(".class")) {
                    continue;
                }
                for (String folder : folders) {
                    if (entry.startsWith(folder)) {
                        add(entry, names);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static void add(String relativePath, TreeSet<String> names) {
        if (relativePath.endsWith("module-info.class") || relativePath.endsWith("package-info.class")) {
            return;
        }
        names.add(relativePath.substring(0, relativePath.length() - ".class".length()).replace('/', '.'));
    }
}
