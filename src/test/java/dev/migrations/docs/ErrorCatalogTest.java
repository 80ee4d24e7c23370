package dev.migrations.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/errors.md honest: every message it lists is exercised by the invoker build it
 * names (which checks the one error line, no stack trace and an unchanged database), so the
 * catalog cannot promise an error that no test produces.
 */
class ErrorCatalogTest {

    /** A catalog row: | `message` | cause | what to do | test | */
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|.*\\| ([a-z0-9-]+) \\|$");

    record Entry(String message, String test) {
    }

    @Test
    void everyCatalogedErrorIsExercisedByTheBuildItNames() throws IOException {
        List<Entry> entries = entries();
        assertThat(entries).as("cases in docs/errors.md").hasSizeGreaterThanOrEqualTo(30);
        List<String> missing = new ArrayList<>();
        for (Entry entry : entries) {
            Path script = Path.of("src/it", entry.test(), "verify.groovy");
            if (!Files.exists(script)) {
                missing.add(entry + ": no such build");
                continue;
            }
            String text = Files.readString(script, StandardCharsets.UTF_8);
            boolean checksCleanly = text.contains("failsCleanly") || text.contains("exitsCleanly");
            if (!checksCleanly || !text.contains(entry.message())) {
                missing.add(entry + ": not in " + script);
            }
        }
        assertThat(missing).as("catalog rows whose test does not produce them").isEmpty();
    }

    @Test
    void messagesAreListedOnce() throws IOException {
        List<String> messages = entries().stream().map(Entry::message).toList();
        assertThat(messages).doesNotHaveDuplicates();
    }

    private static List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs/errors.md"), StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                entries.add(new Entry(row.group(1), row.group(2)));
            }
        }
        return entries;
    }
}
