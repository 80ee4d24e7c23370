package dev.migrations.it;

import java.util.List;
import java.util.regex.Pattern;

/** The exit code and output of one {@code mvn} run, with assertions that say what went wrong. */
public record BuildResult(String arguments, int exitCode, String output) {

    public BuildResult succeeds() {
        if (exitCode != 0) {
            throw new AssertionError("expected mvn " + arguments + " to succeed, exit " + exitCode + ":\n" + output);
        }
        return this;
    }

    public BuildResult fails() {
        if (exitCode == 0) {
            throw new AssertionError("expected mvn " + arguments + " to fail, but it succeeded:\n" + output);
        }
        return this;
    }

    public BuildResult contains(String text) {
        if (!output.contains(text)) {
            throw new AssertionError("expected the output of mvn " + arguments + " to contain '" + text + "':\n" + output);
        }
        return this;
    }

    public BuildResult doesNotContain(String text) {
        if (output.contains(text)) {
            throw new AssertionError("expected the output of mvn " + arguments + " not to contain '" + text + "':\n" + output);
        }
        return this;
    }

    public BuildResult matches(String regex) {
        if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(output).find()) {
            throw new AssertionError("expected the output of mvn " + arguments + " to match /" + regex + "/:\n" + output);
        }
        return this;
    }

    /**
     * A user error: the build failed with the cause on the goal's error line, no stack trace
     * and no exception class names in the output.
     */
    public BuildResult failsCleanly(String causeFragment) {
        fails();
        List<String> errors = output.lines().filter(l -> l.startsWith("[ERROR] Failed to execute goal")).toList();
        if (errors.size() != 1 || !errors.get(0).contains(causeFragment)) {
            throw new AssertionError("expected one '[ERROR] Failed to execute goal' line containing '" + causeFragment
                    + "' in mvn " + arguments + ":\n" + output);
        }
        if (output.lines().anyMatch(l -> l.matches("\\s+at [\\w.$]+\\(.*\\)"))) {
            throw new AssertionError("expected no stack trace in mvn " + arguments + ":\n" + output);
        }
        return this;
    }

    /**
     * A user error of the command line or of an application's startup check: exit code
     * {@code code}, the cause on the one {@code error: } line, no stack trace.
     */
    public BuildResult exitsCleanly(int code, String causeFragment) {
        if (exitCode != code) {
            throw new AssertionError("expected " + arguments + " to exit " + code + ", got " + exitCode + ":\n" + output);
        }
        List<String> errors = output.lines().filter(l -> l.startsWith("error: ")).toList();
        if (errors.size() != 1 || !errors.get(0).contains(causeFragment)) {
            throw new AssertionError("expected one 'error: ' line containing '" + causeFragment + "' from " + arguments
                    + ":\n" + output);
        }
        if (output.lines().anyMatch(l -> l.matches("\\s+at [\\w.$]+\\(.*\\)"))) {
            throw new AssertionError("expected no stack trace from " + arguments + ":\n" + output);
        }
        return this;
    }

    /** Lines the plugin printed at INFO, without Maven's own banner lines. */
    public List<String> infoLines() {
        return output.lines().filter(l -> l.startsWith("[INFO] ")).map(l -> l.substring(7)).toList();
    }
}
