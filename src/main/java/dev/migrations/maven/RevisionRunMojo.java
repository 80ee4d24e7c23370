package dev.migrations.maven;

import java.nio.file.Path;
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

    /**
     * Write the SQL to a file instead of running it: a goal argument, {@code -Dsql} for
     * target/migrations/&lt;goal&gt;.sql or {@code -Dsql=<file>}; with {@code -Dtarget=from:to}
     * no database is needed.
     */
    @Parameter
    String sql;

    /** The file the SQL goes to when the user asked for a script; null for a run. */
    Path sqlFile(String goal) {
        String given = commandLine.argument("sql", sql);
        if (given == null || given.equalsIgnoreCase("false")) {
            return null;
        }
        if (given.equalsIgnoreCase("true")) {
            return workDirectory.toPath().resolve(goal + ".sql");
        }
        return project.getBasedir().toPath().resolve(given);
    }

    @Override
    final RunOptions options() {
        return new RunOptions(lockTimeout, acceptChanged, singleTransaction, commandLine.flag("verbose", verbose));
    }
}
