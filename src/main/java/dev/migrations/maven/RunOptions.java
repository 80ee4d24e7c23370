package dev.migrations.maven;

import java.util.List;

/**
 * How a goal runs, as the parameters of the goals that have them set it: how long to wait for
 * the lock, which edited revisions to accept, one transaction or one each, and -Dverbose. A goal
 * without such a parameter runs with its default.
 */
record RunOptions(long lockTimeoutSeconds, List<String> acceptChanged, boolean singleTransaction, boolean verbose) {

    /** The lockTimeout parameter's default, in seconds (a string, as an annotation needs it). */
    static final String DEFAULT_LOCK_TIMEOUT = "300";

    static final RunOptions DEFAULTS = new RunOptions(Long.parseLong(DEFAULT_LOCK_TIMEOUT), List.of(), false, false);
}
