package dev.migrations.autogen.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

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
        for (Path element : classpath) {
            if (Files.isDirectory(element)) {
                scanDirectory(element, packages, names);
            } else if (Files.isRegularFile(element) && element.toString().endsWith(".jar")) {
                scanJar(element, packages, names);
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

    private static void scanJar(Path jar, List<String> packages, TreeSet<String> names) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                for (String pkg : packages) {
                    if (entry.startsWith(pkg.replace('.', '/') + "/") && entry.endsWith(".class")) {
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
