package dev.migrations.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One command line, parsed: the command, its argument, and the options, each option falling
 * back to its environment variable. A password is taken from the environment only: an
 * argument is visible to every user of the machine in {@code ps}.
 *
 * @param argument the command's argument (a target or revision), or null
 */
record Invocation(String command, String argument, String url, String username, String password, String schema,
                  String versionTable, String packageName, long lockTimeoutSeconds, List<String> acceptChanged,
                  boolean purge, boolean verbose) {

    private static final Set<String> COMMANDS = Set.of("upgrade", "downgrade", "stamp", "current", "history", "heads",
            "status");
    private static final Set<String> ARGUMENT_REQUIRED = Set.of("downgrade", "stamp");
    private static final Set<String> NO_ARGUMENT = Set.of("current", "history", "heads", "status");
    private static final Set<String> VALUED = Set.of("--url", "--username", "--schema", "--version-table", "--package",
            "--lock-timeout", "--accept-changed");

    static Invocation parse(List<String> arguments, Map<String, String> environment) {
        Map<String, String> options = new HashMap<>();
        List<String> words = new ArrayList<>();
        boolean verbose = false;
        boolean purge = false;
        for (int i = 0; i < arguments.size(); i++) {
            String word = arguments.get(i);
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            if (name.equals("--password")) {
                throw new UsageException("A password is never taken on the command line (any user sees it in ps);"
                        + " set the environment variable MIGRATIONS_PASSWORD.");
            }
            if (word.equals("--verbose")) {
                verbose = true;
            } else if (word.equals("--purge")) {
                purge = true;
            } else if (VALUED.contains(name)) {
                String value;
                if (word.contains("=")) {
                    value = word.substring(word.indexOf('=') + 1);
                } else if (i + 1 < arguments.size()) {
                    value = arguments.get(++i);
                } else {
                    throw new UsageException(name + " needs a value.");
                }
                options.put(name, value);
            } else if (word.startsWith("--")) {
                throw new UsageException("Unknown option " + name + ".");
            } else {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            throw new UsageException("No command given.");
        }
        String command = words.get(0);
        if (!COMMANDS.contains(command)) {
            throw new UsageException("Unknown command '" + command + "'.");
        }
        if (words.size() > 2 || words.size() == 2 && NO_ARGUMENT.contains(command)) {
            throw new UsageException(command + " takes " + (NO_ARGUMENT.contains(command) ? "no argument"
                    : "one argument") + ", not " + String.join(" ", words.subList(1, words.size())) + ".");
        }
        if (words.size() == 1 && ARGUMENT_REQUIRED.contains(command)) {
            throw new UsageException(command + " needs " + ("stamp".equals(command) ? "the revision to record"
                    : "a target (-1, base, a revision id)") + ".");
        }
        String url = option(options, "--url", environment, "MIGRATIONS_URL");
        if (url == null && !"heads".equals(command)) {
            throw new UsageException("No database given; pass --url jdbc:postgresql://host/db or set MIGRATIONS_URL.");
        }
        String timeout = options.getOrDefault("--lock-timeout", "300");
        long seconds;
        try {
            seconds = Long.parseLong(timeout);
        } catch (NumberFormatException e) {
            throw new UsageException("--lock-timeout is '" + timeout + "'; give the seconds to wait, 0 or more.");
        }
        return new Invocation(command, words.size() == 2 ? words.get(1) : null, url,
                option(options, "--username", environment, "MIGRATIONS_USERNAME"),
                blankToNull(environment.get("MIGRATIONS_PASSWORD")),
                option(options, "--schema", environment, "MIGRATIONS_SCHEMA"),
                option(options, "--version-table", environment, "MIGRATIONS_VERSION_TABLE"),
                options.get("--package"), seconds, acceptChanged(options.get("--accept-changed")), purge, verbose);
    }

    private static List<String> acceptChanged(String ids) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        return Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    private static String option(Map<String, String> options, String name, Map<String, String> environment,
                                 String variable) {
        String value = options.get(name);
        return value != null ? blankToNull(value) : blankToNull(environment.get(variable));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
