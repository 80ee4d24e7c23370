package dev.migrations.cli;

import dev.migrations.engine.MigrationException;
import dev.migrations.engine.MigrationStatus;
import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import dev.migrations.engine.RevisionSource;
import dev.migrations.engine.db.ConnectionSettings;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The command line for deploy jobs and init containers: applies the migrations an application
 * ships in its jar, with a JRE and no Maven.
 *
 * <pre>java -cp app.jar:lib/* dev.migrations.cli.Main [options] command [argument]</pre>
 *
 * Exit codes: 0 done, 1 failed, 2 usage error, 3 ({@code status}) the database is not up to date.
 */
public final class Main {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_UP_TO_DATE = 3;

    private static final String USAGE_TEXT = """
            Usage: java -cp <application jar and its class path> dev.migrations.cli.Main [options] <command> [argument]

            Commands:
              upgrade [target]    apply pending revisions up to target (head, heads, an id, +N; default head)
              downgrade <target>  undo applied revisions down to target (-N, base, an id)
              stamp <revision>    record the database at revision (head, base, an id) without running anything
              current             the revisions the database is at
              history             the revisions, newest first, the current ones marked
              heads               the head revisions (connects to no database)
              status              exit 0 when the database is up to date, 3 when not, naming what differs

            Options (each falls back to its environment variable):
              --url <jdbc url>          MIGRATIONS_URL
              --username <user>         MIGRATIONS_USERNAME (the password: MIGRATIONS_PASSWORD only)
              --schema <schema>         MIGRATIONS_SCHEMA
              --version-table <name>    MIGRATIONS_VERSION_TABLE (default migrations_version)
              --package <package>       the migrations' package (default db.migrations)
              --lock-timeout <seconds>  how long to wait for another run's lock (default 300)
              --accept-changed <ids>    upgrade records the edited sources of these applied revisions as they are
              --purge                   stamp: replace whatever the database records, known revisions or not
              --verbose                 phase times and connection details
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command line; returns its exit code. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length == 1 && Set.of("--help", "-h", "help").contains(args[0])) {
            out.print(USAGE_TEXT);
            return DONE;
        }
        Invocation invocation;
        try {
            invocation = Invocation.parse(Arrays.asList(args), environment);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage() + " Run with --help for the commands and options.");
            return USAGE;
        }
        try {
            return execute(invocation, new ConsoleLog(out, err, invocation.verbose()), out);
        } catch (MigrationException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("error: unexpected failure: " + e);
            if (invocation.verbose()) {
                e.printStackTrace(err);
            }
            return FAILED;
        }
    }

    private static int execute(Invocation invocation, ConsoleLog log, PrintStream out) {
        ConnectionSettings connection = invocation.url() == null ? null
                : new ConnectionSettings(invocation.url(), invocation.username(), invocation.password(),
                        invocation.password() == null ? null : "the environment variable MIGRATIONS_PASSWORD");
        MigrationsConfig config = new MigrationsConfig(connection, null,
                RevisionSource.classpath(invocation.packageName()),
                null, invocation.schema(), invocation.versionTable(), invocation.lockTimeoutSeconds() * 1000,
                Set.copyOf(invocation.acceptChanged()), false, invocation.verbose(), new CommandLineSpelling());
        Migrations migrations = new Migrations(config, log);
        String argument = invocation.argument();
        switch (invocation.command()) {
            case "upgrade" -> migrations.upgrade(argument == null ? "head" : argument);
            case "downgrade" -> migrations.downgrade(argument);
            case "stamp" -> migrations.stamp(argument, invocation.purge());
            case "current" -> migrations.current(invocation.verbose());
            case "history" -> migrations.history(null, invocation.verbose());
            case "heads" -> migrations.heads(invocation.verbose());
            case "status" -> {
                return status(migrations.status(), out);
            }
            default -> throw new IllegalStateException("parsed command " + invocation.command());
        }
        return DONE;
    }

    private static int status(MigrationStatus status, PrintStream out) {
        out.println("Database: " + status.database());
        out.println("At: " + (status.current().isEmpty() ? "base" : String.join(", ", status.current())));
        out.println(status.summary());
        return status.upToDate() ? DONE : NOT_UP_TO_DATE;
    }
}
