package dev.migrations.maven;

import dev.migrations.engine.MigrationException;

/** The {@code limit} argument of status and history: the command line's, else the pom's. */
final class LimitArgument {

    private LimitArgument() {
    }

    static int of(CommandLine commandLine, int configured) {
        String given = commandLine.argument("limit", String.valueOf(configured));
        try {
            return Integer.parseInt(given.strip());
        } catch (NumberFormatException e) {
            throw new MigrationException("limit '" + given + "' is not a number; give how many of the newest"
                    + " revisions to show, such as -Dlimit=20.");
        }
    }
}
