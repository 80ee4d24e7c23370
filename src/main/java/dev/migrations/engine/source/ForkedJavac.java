package dev.migrations.engine.source;

import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * javac in a child JVM that uses only the quick JIT. Compiling a fresh clone's revisions is
 * mostly javac warming up: in Maven's cold JVM the optimizing JIT competes with javac for the
 * cores, while a child limited to C1 is at full speed almost at once (figures in
 * docs/performance.md). Below {@link #MIN_FILES} the JVM start costs what it saves, so small
 * batches stay in-process.
 *
 * <p>The child only says whether it succeeded: on failure the caller compiles in-process, so
 * that errors are reported from javac's diagnostics exactly as for a small batch.
 */
final class ForkedJavac {

    static final int MIN_FILES = 25;
    /** Far beyond any real batch; a child stuck longer is killed and the batch compiled in-process. */
    private static final long TIMEOUT_MINUTES = 10;

    private ForkedJavac() {
    }

    /**
     * Runs {@code javac options files} in a child JVM.
     *
     * @return true when it compiled everything; false when it reported errors or could not run
     */
    static boolean compile(List<String> options, List<Path> files, EngineLog log) {
        Path javac = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "javac.exe" : "javac");
        if (!Files.isExecutable(javac)) {
            return false;
        }
        Path arguments = null;
        Path output = null;
        Process process = null;
        try {
            arguments = Files.createTempFile("migrations-javac", ".args");
            output = Files.createTempFile("migrations-javac", ".out");
            // javac reads an @file in its default charset, made UTF-8 here (JDK 17 would take the
            // locale's); every argument quoted, so that spaces, quotes and '#' in paths survive
            Files.write(arguments, Stream.concat(options.stream(), files.stream().map(Path::toString))
                    .map(ForkedJavac::quoted).toList(), StandardCharsets.UTF_8);
            process = new ProcessBuilder(javac.toString(), "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                    "-J-Dfile.encoding=UTF-8", "@" + arguments)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                log.debug("Forked javac did not finish in " + TIMEOUT_MINUTES + " minutes; compiling in-process");
                return false;
            }
            int exit = process.exitValue();
            if (exit != 0) {
                log.debug("Forked javac exited with " + exit + ": " + Files.readString(output, StandardCharsets.UTF_8));
            }
            return exit == 0;
        } catch (IOException e) {
            log.debug("Forked javac did not run (" + e.getMessage() + "); compiling in-process");
            return false;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while compiling migrations.");
        } finally {
            deleteQuietly(arguments);
            deleteQuietly(output);
        }
    }

    static String quoted(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }
}
