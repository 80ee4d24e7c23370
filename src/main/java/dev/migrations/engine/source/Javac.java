package dev.migrations.engine.source;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * javac over migration sources into a class directory, in one call: one call for 500 files
 * costs about what one call for a single file does. Large batches (a fresh clone) go to a
 * {@link ForkedJavac}, small ones are compiled in-process.
 */
final class Javac {

    /** Below this many files per task, a second javac costs more than it saves. */
    private static final int FILES_PER_TASK = 100;

    private final Path classesDirectory;
    private final EngineLog log;

    Javac(Path classesDirectory, EngineLog log) {
        this.classesDirectory = classesDirectory;
        this.log = log;
    }

    /** Compiles {@code sources}, all of them, or throws with the first error. */
    void compile(Path sourceRoot, List<SourceFile> sources) throws IOException {
        if (sources.size() >= ForkedJavac.MIN_FILES
                && ForkedJavac.compile(options(sourceRoot), sources.stream().map(SourceFile::path).toList(), log)) {
            log.debug("Compiled " + sources.size() + " migration source(s) into " + classesDirectory
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
        int tasks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), sources.size() / FILES_PER_TASK));
        List<List<SourceFile>> batches = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            batches.add(new ArrayList<>());
        }
        for (int i = 0; i < sources.size(); i++) {
            batches.get(i % tasks).add(sources.get(i));
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
        log.debug("Compiled " + sources.size() + " migration source(s) into " + classesDirectory + " in "
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
}
