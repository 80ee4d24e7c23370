package dev.migrations.maven;

import java.util.Properties;

/**
 * What the user put on the {@code mvn} command line ({@code -D...}, Maven's user properties).
 * Read here rather than through a parameter's {@code property}, because Maven lets a pom value
 * win over a property and fills a parameter from the project's own properties too: a project
 * whose version is {@code ${revision}} must not stamp that version.
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

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
