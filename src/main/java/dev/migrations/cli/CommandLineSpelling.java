package dev.migrations.cli;

import dev.migrations.engine.Spelling;
import java.util.Map;

/** Advice in the command line's words: {@code upgrade heads}, {@code --lock-timeout}. */
final class CommandLineSpelling implements Spelling {

    /** Each setting's option, by its Maven parameter name. */
    private static final Map<String, String> OPTIONS = Map.of("url", "--url", "username", "--username", "schema",
            "--schema", "versionTable", "--version-table", "lockTimeout", "--lock-timeout", "acceptChanged",
            "--accept-changed", "package", "--package");
    /** The environment variable an option falls back to, where it has one. */
    private static final Map<String, String> VARIABLES = Map.of("url", "MIGRATIONS_URL", "username",
            "MIGRATIONS_USERNAME", "schema", "MIGRATIONS_SCHEMA", "versionTable", "MIGRATIONS_VERSION_TABLE");

    @Override
    public String command(String command, String... arguments) {
        if (command.equals("merge") || command.equals("revision")) {
            // written in the project, where the migrations' sources are
            return "mvn migrations:" + command + " in the project";
        }
        StringBuilder line = new StringBuilder(command);
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            // the target or revision is the command's one argument; a flag is an option
            line.append(' ').append(arguments[i + 1].equals("true") ? "--" + arguments[i] : arguments[i + 1]);
        }
        return line.toString();
    }

    @Override
    public String argument(String name, String value) {
        return name + " " + value;
    }

    @Override
    public String setting(String name) {
        String variable = VARIABLES.get(name);
        return option(name) + (variable == null ? "" : " (or " + variable + ")");
    }

    @Override
    public String setting(String name, String value) {
        return option(name) + " " + value;
    }

    private static String option(String name) {
        return OPTIONS.getOrDefault(name, "--" + name);
    }

    @Override
    public String passwordSources() {
        return "the environment variable MIGRATIONS_PASSWORD";
    }
}
