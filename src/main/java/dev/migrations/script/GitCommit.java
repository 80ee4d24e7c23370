package dev.migrations.script;

import dev.migrations.engine.MigrationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Commits a freshly written migration with git, for {@code -Dcommit=true}. */
public final class GitCommit {

    private static final long TIMEOUT_SECONDS = 60;

    private GitCommit() {
    }

    public static void commit(Path workingDirectory, Path file, String message) {
        run(workingDirectory, List.of("git", "add", "--", file.toString()));
        run(workingDirectory, List.of("git", "commit", "-m", message, "--", file.toString()));
    }

    private static void run(Path workingDirectory, List<String> command) {
        Path log = null;
        try {
            // git's output goes to a file, not a pipe read to its end: a hook waiting for input would
            // keep a pipe open, and the time limit would never apply
            log = Files.createTempFile("migrations-git", ".log");
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            String what = "'" + String.join(" ", command.subList(0, 2)) + "'";
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new MigrationException(what + " did not finish within " + TIMEOUT_SECONDS + " s (a hook waiting?);"
                        + " the migration file was written; commit it yourself.");
            }
            if (process.exitValue() != 0) {
                String output = Files.readString(log, StandardCharsets.UTF_8).strip();
                throw new MigrationException(what + " failed: " + output.lines().findFirst().orElse("no output")
                        + "; the migration file was written; commit it yourself.");
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot run git (" + e.getMessage()
                    + "); the migration file was written; commit it yourself, or leave out -Dcommit.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while running git.");
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temporary file left behind costs nothing
                }
            }
        }
    }
}
