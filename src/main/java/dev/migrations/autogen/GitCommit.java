package dev.migrations.autogen;

import dev.migrations.engine.MigrationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Commits a freshly written migration with git, for {@code -Dcommit=true}. */
public final class GitCommit {

    private GitCommit() {
    }

    public static void commit(Path workingDirectory, Path file, String message) {
        run(workingDirectory, List.of("git", "add", "--", file.toString()));
        run(workingDirectory, List.of("git", "commit", "-m", message, "--", file.toString()));
    }

    private static void run(Path workingDirectory, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new MigrationException("'" + String.join(" ", command.subList(0, 2)) + "' failed: "
                        + output.lines().findFirst().orElse("no output")
                        + "; the migration file was written; commit it yourself.");
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot run git (" + e.getMessage()
                    + "); the migration file was written; commit it yourself, or leave out -Dcommit.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while running git.");
        }
    }
}
