package dev.migrations.engine;

import dev.migrations.engine.graph.RevisionNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a database stands against the revisions a run knows: what {@code status} prints and
 * what an application checks at startup before it opens its pools.
 *
 * @param database the database and schema, as every output names them
 * @param current  the revisions the database is at ({@code base}: none)
 * @param pending  the revisions an upgrade to the heads would apply, in the order it would
 * @param unknown  revisions the database is at that none of the known revisions is: a newer
 *                 release migrated it, or its revision was deleted
 * @param edited   applied revisions whose source differs from what ran
 * @param upgradeBy who holds the migration lock, when a run (an upgrade, mostly) holds it now
 */
public record MigrationStatus(String database, Set<String> current, List<RevisionNode> pending, List<String> unknown,
                              List<Edited> edited, Optional<String> upgradeBy) {

    /** How many pending revisions a line names: a deploy log must stay readable at 2,000 pending. */
    private static final int NAMED = 10;

    /** An applied revision edited afterwards: its id and its source file's name. */
    public record Edited(String id, String file) {
    }

    public MigrationStatus {
        current = Set.copyOf(current);
        pending = List.copyOf(pending);
        unknown = List.copyOf(unknown);
        edited = List.copyOf(edited);
    }

    /** Nothing pending, nothing unknown, nothing edited: the application and its schema agree. */
    public boolean upToDate() {
        return pending.isEmpty() && unknown.isEmpty() && edited.isEmpty();
    }

    /** What differs, in one line; empty when {@link #upToDate()}. */
    public String differences() {
        StringBuilder line = new StringBuilder();
        if (upToDate()) {
            return "";
        }
        upgradeBy.ifPresent(holder -> line.append("an upgrade is in progress (").append(holder).append(")"));
        if (!unknown.isEmpty()) {
            line.append(line.isEmpty() ? "" : "; ").append("the database is at ").append(String.join(", ", unknown))
                    .append(", which the application does not have (a newer release migrated it?)");
        }
        if (!pending.isEmpty()) {
            line.append(line.isEmpty() ? "" : "; ").append(Migrations.plural(pending.size(), "revision"))
                    .append(" pending: ").append(named(pending));
        }
        if (!edited.isEmpty()) {
            line.append(line.isEmpty() ? "" : "; ").append("edited after they were applied: ")
                    .append(edited.stream().map(e -> e.id() + " (" + e.file() + ")").collect(Collectors.joining(", ")));
        }
        return line.toString();
    }

    /** The one line that says it: {@code Up to date: ...} or {@code Not up to date: <differences>.} */
    public String summary() {
        return upToDate() ? "Up to date: no revision pending." : "Not up to date: " + differences() + ".";
    }

    /** Revisions by id and message, in their order; past the first ten, how many more. */
    static String named(List<RevisionNode> revisions) {
        int shown = Math.min(revisions.size(), NAMED);
        String named = revisions.subList(0, shown).stream().map(node -> node.id() + " " + node.message())
                .collect(Collectors.joining(", "));
        return shown < revisions.size() ? named + " and " + (revisions.size() - shown) + " more" : named;
    }

    /**
     * Throws when the database is not exactly where the application's revisions end: the check
     * an application makes at startup so that it never runs against a schema it was not built for.
     */
    public MigrationStatus requireUpToDate() {
        if (!upToDate()) {
            throw new NotUpToDateException(this);
        }
        return this;
    }
}
