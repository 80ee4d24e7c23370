package dev.migrations.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal that runs revisions under the database lock: upgrade, downgrade. */
abstract class RevisionRunMojo extends ConnectingMojo {

    /** Seconds to wait for another migration run that holds the database lock. */
    @Parameter(property = "migrations.lockTimeout", defaultValue = RunOptions.DEFAULT_LOCK_TIMEOUT)
    long lockTimeout;

    /**
     * Applied revisions whose source was edited afterwards and that the user accepts as they are
     * now (ids or unique prefixes, a list or comma separated); the new checksum is recorded.
     */
    @Parameter(property = "migrations.acceptChanged")
    List<String> acceptChanged;

    /** Run all pending revisions in one transaction (Alembic's default, Flyway's group). */
    @Parameter(property = "migrations.singleTransaction", defaultValue = "false")
    boolean singleTransaction;

    /** Print where the time went, phase by phase: a goal argument, -Dverbose or -Dmigrations.verbose. */
    @Parameter(defaultValue = "false")
    boolean verbose;

    @Override
    final RunOptions options() {
        return new RunOptions(lockTimeout, acceptChanged, singleTransaction, commandLine.flag("verbose", verbose));
    }
}
