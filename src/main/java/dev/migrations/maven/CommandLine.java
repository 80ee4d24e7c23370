package dev.migrations.maven;

import java.util.List;
import java.util.Properties;

/**
 * What the user put on the {@code mvn} command line ({@code -D...}, Maven's user properties):
 * connection settings ({@code -Dmigrations.url}) and goal arguments ({@code -Dmigrations.target}
 * or {@code -Dtarget}). Read here rather than through a parameter's {@code property}, because
 * Maven lets a pom value win over a property and fills a parameter from the project's own
 * properties too: a project whose version is {@code ${revision}} must not stamp that version.
 */
final class CommandLine {

    static final String PREFIX = "migrations.";

    private final Properties userProperties;

    CommandLine(Properties userProperties) {
        this.userProperties = userProperties == null ? new Properties() : userProperties;
    }

    /** {@code -Dmigrations.<name>}, or null when not given (or blank). */
    String setting(String name) {
        return nonBlank(userProperties.getProperty(PREFIX + name));
    }

    /** A goal argument: {@code -Dmigrations.<name>}, else the short {@code -D<name>}; null when neither. */
    String argument(String name) {
        String prefixed = setting(name);
        return prefixed != null ? prefixed : nonBlank(userProperties.getProperty(name));
    }

    /** The goal argument, or {@code configured} (the pom's, or the default) when the command line has none. */
    String argument(String name, String configured) {
        String given = argument(name);
        return given != null ? given : configured;
    }

    /** A yes/no goal argument; a bare {@code -Dname} is true, as Maven sets it. */
    boolean flag(String name, boolean configured) {
        String given = argument(name);
        return given != null ? Boolean.parseBoolean(given) : configured;
    }

    /** As {@link #flag(String, boolean)}, for an argument whose absence means "decide for me". */
    Boolean flag(String name, Boolean configured) {
        String given = argument(name);
        return given != null ? Boolean.valueOf(given) : configured;
    }

    /** A list goal argument ({@code -Drevisions=a,b}), or the configured list. */
    List<String> list(String name, List<String> configured) {
        String given = argument(name);
        return ListParameter.values(given != null ? List.of(given) : configured);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
