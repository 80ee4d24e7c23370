package dev.migrations.engine.source;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles migration sources into a class directory, recompiling only the sources whose
 * content changed since the last run (a cache keyed by content), all in one javac call: one
 * call for 500 files costs about what one call for a single file does. Large batches (a fresh
 * clone) go to a {@link ForkedJavac}, small ones are compiled in-process.
 */
public final class MigrationCompiler {

    private static final String INDEX_FILE = "compiled.properties";
    private static final String API_KEY = "@api";
    /** Below this many files per task, a second javac costs more than it saves. */
    private static final int FILES_PER_TASK = 100;

    private final Path classesDirectory;
    private final EngineLog log;

    /** @param classesDirectory where classes and the cache index go, e.g. {@code target/migrations/classes} */
    public MigrationCompiler(Path classesDirectory, EngineLog log) {
        this.classesDirectory = classesDirectory;
        this.log = log;
    }

    /** Brings the class directory up to date with {@code sources}; returns how many were compiled. */
    public int compile(Path sourceRoot, List<SourceFile> sources) {
        try {
            Files.createDirectories(classesDirectory);
            Properties index = readIndex();
            String apiStamp = ApiBuild.stamp();
            if (!apiStamp.equals(index.getProperty(API_KEY))) {
                index.clear();
            }
            List<SourceFile> stale = new ArrayList<>();
            ClassFiles classFiles = new ClassFiles();
            for (SourceFile source : sources) {
                if (!source.checksum().equals(index.getProperty(source.className()))
                        || !classFiles.exists(classFile(source.className()))) {
                    stale.add(source);
                }
            }
            Set<String> current = sources.stream().map(SourceFile::className).collect(Collectors.toSet());
            for (String compiled : index.stringPropertyNames()) {
                if (!compiled.equals(API_KEY) && !current.contains(compiled)) {
                    deleteClasses(compiled);
                    index.remove(compiled);
                }
            }
            if (stale.isEmpty()) {
                return 0;
            }
            for (SourceFile source : stale) {
                deleteClasses(source.className());
                index.remove(source.className());
            }
            writeIndex(index);
            javac(sourceRoot, stale);
            for (SourceFile source : stale) {
                index.setProperty(source.className(), source.checksum());
            }
            index.setProperty(API_KEY, apiStamp);
            writeIndex(index);
            return stale.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile migrations into " + classesDirectory, e);
        }
    }

    private void javac(Path sourceRoot, List<SourceFile> stale) throws IOException {
        if (stale.size() >= ForkedJavac.MIN_FILES
                && ForkedJavac.compile(options(sourceRoot), stale.stream().map(SourceFile::path).toList(), log)) {
            log.debug("Compiled " + stale.size() + " migration source(s) into " + classesDirectory
                    + " in a forked javac");
            return;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new MigrationException("Compiling migrations needs a JDK, but Maven runs on a JRE ("
                    + System.getProperty("java.home") + "); point JAVA_HOME at a JDK 17 or newer.");
        }
        // In-process, a large batch (here when the forked javac failed, to report its errors) goes
        // to one javac task per core, each in its own thread.
        int tasks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), stale.size() / FILES_PER_TASK));
        List<List<SourceFile>> batches = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            batches.add(new ArrayList<>());
        }
        for (int i = 0; i < stale.size(); i++) {
            batches.get(i % tasks).add(stale.get(i));
        }
        List<DiagnosticCollector<JavaFileObject>> diagnostics = new ArrayList<>();
        List<Future<Boolean>> results = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(tasks);
        try {
            for (List<SourceFile> batch : batches) {
                DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
                diagnostics.add(collector);
                results.add(threads.submit(() -> compileBatch(compiler, sourceRoot, batch, collector)));
            }
            boolean ok = true;
            for (Future<Boolean> result : results) {
                ok &= result.get();
            }
            if (!ok) {
                DiagnosticCollector<JavaFileObject> all = new DiagnosticCollector<>();
                diagnostics.forEach(collector -> collector.getDiagnostics().forEach(all::report));
                throw compileError(all);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while compiling migrations.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("javac failed on the migrations", e.getCause());
        } finally {
            threads.shutdownNow();
        }
        log.debug("Compiled " + stale.size() + " migration source(s) into " + classesDirectory + " in "
                + tasks + " javac task(s)");
    }

    private boolean compileBatch(JavaCompiler compiler, Path sourceRoot, List<SourceFile> batch,
                                 DiagnosticCollector<JavaFileObject> diagnostics) throws IOException {
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(
                    batch.stream().map(SourceFile::path).toList());
            return compiler.getTask(Writer.nullWriter(), files, diagnostics, options(sourceRoot), null, units).call();
        }
    }

    private List<String> options(Path sourceRoot) {
        String classpath = classesDirectory + java.io.File.pathSeparator + ApiBuild.location();
        return List.of("-d", classesDirectory.toString(), "-classpath", classpath,
                "-sourcepath", sourceRoot.toString(), "-implicit:none", "-proc:none",
                "-encoding", "UTF-8", "-nowarn", "-g");
    }

    private MigrationException compileError(DiagnosticCollector<JavaFileObject> diagnostics) {
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        if (errors.isEmpty()) {
            return new MigrationException("Migrations do not compile; run with -X for the compiler's output.");
        }
        Diagnostic<? extends JavaFileObject> first = errors.get(0);
        String where = first.getSource() == null ? "" : Path.of(first.getSource().toUri()).getFileName()
                + ":" + first.getLineNumber() + ": ";
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more error(s))" : "";
        // javac puts the symbol and location on lines of their own; keep them on the one line
        String detail = first.getMessage(Locale.ROOT).lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.joining(", "));
        String all = errors.stream().map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("; "));
        log.debug("Compiler errors: " + all);
        return new MigrationException("Migration does not compile: " + where + detail + more
                + ". Fix the source and run again.");
    }

    /**
     * Which class files exist, one directory listing per package instead of a file system call
     * per class: at 2,000 revisions that halves the cost of checking the cache.
     */
    private static final class ClassFiles {
        private final Map<Path, Set<String>> byDirectory = new HashMap<>();

        boolean exists(Path classFile) {
            return byDirectory.computeIfAbsent(classFile.getParent(), ClassFiles::names)
                    .contains(classFile.getFileName().toString());
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

    private Path classFile(String className) {
        return classesDirectory.resolve(className.replace('.', '/') + ".class");
    }

    private void deleteClasses(String className) throws IOException {
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

    private Properties readIndex() throws IOException {
        Properties index = new Properties();
        Path file = classesDirectory.resolve(INDEX_FILE);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                index.load(in);
            }
        }
        return index;
    }

    private void writeIndex(Properties index) throws IOException {
        try (OutputStream out = Files.newOutputStream(classesDirectory.resolve(INDEX_FILE))) {
            index.store(out, "migration sources compiled, by content checksum");
        }
    }
}
