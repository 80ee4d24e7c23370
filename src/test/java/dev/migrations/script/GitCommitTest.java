package dev.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrations.engine.MigrationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Dcommit with a real git: the file is committed; a failing git is one line, the file kept. */
class GitCommitTest {

    @TempDir
    Path repository;

    private static String git(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static boolean gitAvailable() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void theWrittenFileIsCommittedWithTheMessage() throws Exception {
        assumeTrue(gitAvailable(), "git is not installed");
        git(repository, "init", "-q");
        git(repository, "config", "user.email", "dev@example.com");
        git(repository, "config", "user.name", "Dev");
        Path file = Files.writeString(repository.resolve("R1.java"), "class R1 {}\n");

        GitCommit.commit(repository, file, "add phone to customer");

        assertThat(git(repository, "log", "--format=%s", "--", "R1.java").strip()).isEqualTo("add phone to customer");
    }

    @Test
    void outsideARepositoryGitFailsInOneLineAndTheFileStays() throws Exception {
        assumeTrue(gitAvailable(), "git is not installed");
        Path file = Files.writeString(repository.resolve("R1.java"), "class R1 {}\n");

        assertThatThrownBy(() -> GitCommit.commit(repository, file, "x"))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("'git add' failed: ")
                .hasMessageEndingWith("; the migration file was written; commit it yourself.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(file).exists();
    }
}
