package dev.migrations.maven;

/**
 * One connection setting as resolved: its value (null when nothing sets it) and where it came
 * from, so that a message can say which source to fix.
 */
record Setting(String value, Source source, String origin) {

    /** Where a value can come from; an earlier source wins over a later one. */
    enum Source {
        COMMAND_LINE, ENVIRONMENT, POM, NONE
    }

    static final Setting NONE = new Setting(null, Source.NONE, "nowhere");

    boolean isSet() {
        return value != null;
    }

    /**
     * This setting, unless {@code other} comes from a stronger source (or this one is unset):
     * a server named on the command line supplies the credentials even when the pom has some.
     */
    Setting unlessOverriddenBy(Setting other) {
        if (!other.isSet() || isSet() && source.compareTo(other.source) <= 0) {
            return this;
        }
        return other;
    }
}
