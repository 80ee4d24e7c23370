package dev.migrations.engine.runner;

import dev.migrations.engine.dialect.PostgresDialect;
import dev.migrations.api.Migration;
import dev.migrations.engine.source.LoadedRevision;
import dev.migrations.engine.version.LogEntry;
import dev.migrations.engine.version.VersionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SQL a run would send, written out for a person (a DBA's review) or a tool (psql) to run
 * instead: each revision's statements between BEGIN and COMMIT with its version-table change,
 * as the runner sends them; a non-transactional revision marked and left outside a transaction.
 */
public final class SqlScript {

    private final PostgresDialect dialect;
    private final VersionTable versionTable;
    private final String appliedBy;
    private final List<String> lines = new ArrayList<>();
    private int revisions;

    /**
     * @param header    comment lines saying what the script is (without the leading {@code --})
     * @param schema    the schema to act on, or null for the connection's default
     * @param appliedBy recorded in the version log as who applied each revision
     */
    public SqlScript(PostgresDialect dialect, VersionTable versionTable, List<String> header, String schema,
                     String appliedBy) {
        this.dialect = dialect;
        this.versionTable = versionTable;
        this.appliedBy = appliedBy;
        header.forEach(line -> lines.add("-- " + line));
        lines.add("");
        if (schema != null) {
            lines.add("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(schema) + ";");
            lines.add("SET search_path TO " + dialect.quote(schema) + ";");
        }
        versionTable.createStatements().forEach(create -> lines.add(create + ";"));
    }

    /** Appends {@code revision}'s upgrade ({@code up}) or downgrade, moving the heads from {@code before} to {@code after}. */
    public void add(LoadedRevision revision, boolean up, Set<String> before, Set<String> after) {
        String method = up ? "upgrade" : "downgrade";
        ScriptOperations op = new ScriptOperations(dialect, revision, method);
        Migration migration = revision.instantiate();
        if (up) {
            migration.upgrade(op);
        } else {
            migration.downgrade(op);
        }
        LogEntry entry = new LogEntry(revision.id(), up ? LogEntry.Action.UPGRADE : LogEntry.Action.DOWNGRADE,
                revision.message(), revision.source().checksum(), null, appliedBy);
        List<String> version = versionTable.move(before, after, entry, 0).statements();
        lines.add("");
        lines.add("-- " + revision.id() + " " + method + ": " + revision.message().replace('\n', ' '));
        if (revision.transactional()) {
            lines.add("BEGIN;");
        } else {
            lines.add("-- non-transactional: its statements run one by one, outside a transaction, as the runner"
                    + " runs them");
        }
        op.statements().forEach(statement -> lines.add(statement + ";"));
        version.forEach(statement -> lines.add(statement + ";"));
        if (revision.transactional()) {
            lines.add("COMMIT;");
        }
        revisions++;
    }

    public int revisions() {
        return revisions;
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }
}
