package dev.migrations.engine.version;

import java.util.Locale;

/** One row to add to the version log. */
public record LogEntry(String revision, Action action, String message, String checksum,
                       Long durationMillis, String appliedBy) {

    public enum Action {
        UPGRADE("upgraded"), DOWNGRADE("downgraded"), STAMP("stamped"),
        /** An edited source accepted as applied: the row carries its new checksum. */
        ACCEPT("accepted");

        private final String pastTense;

        Action(String pastTense) {
            this.pastTense = pastTense;
        }

        public String pastTense() {
            return pastTense;
        }

        /** How the log's {@code action} column spells it. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Action of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
