package dev.migrations.engine.internal;

import dev.migrations.engine.MigrationException;
import dev.migrations.engine.Spelling;
import dev.migrations.engine.graph.RevisionGraph;
import dev.migrations.engine.source.LoadedRevision;
import dev.migrations.engine.source.RevisionCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Applied revisions whose source no longer matches the checksum recorded when they ran: the
 * database has the old version, every fresh database would get the new one. Flyway refuses to
 * migrate until {@code repair}; here the user names the edits to accept, and nothing else runs.
 *
 * @param refused  edited and not accepted: a run must stop
 * @param accepted edited and named in {@code acceptChanged}: upgrade records their new checksum
 * @param spelling how the user accepts an edit, for the message
 */
public record EditedRevisions(List<Edited> refused, List<Edited> accepted, Spelling spelling) {

    /** One edited revision: its id, file name and the checksum of the source as it is now. */
    public record Edited(String id, String file, String checksum) {
    }

    /** @param applied the checksum recorded for each revision in force (null where none was) */
    public static EditedRevisions find(RevisionCatalog catalog, Set<String> heads, Map<String, String> applied,
                                Set<String> acceptChanged, Spelling spelling) {
        RevisionGraph graph = catalog.graph();
        Set<String> accepting = new TreeSet<>();
        for (String reference : acceptChanged) {
            accepting.add(graph.resolve(reference).id());
        }
        List<Edited> refused = new ArrayList<>();
        List<Edited> accepted = new ArrayList<>();
        for (String id : new TreeSet<>(graph.applied(heads))) {
            String recorded = applied.get(id);
            LoadedRevision revision = catalog.revision(id);
            if (revision == null || !differs(recorded, revision.source().checksum())) {
                continue;
            }
            Edited edited = new Edited(id, revision.source().path().getFileName().toString(),
                    revision.source().checksum());
            (accepting.contains(id) ? accepted : refused).add(edited);
        }
        return new EditedRevisions(List.copyOf(refused), List.copyOf(accepted), spelling);
    }

    /** A revision applied without a checksum (stamped) cannot be told edited. */
    private static boolean differs(String recorded, String current) {
        return recorded != null && !recorded.equals(current);
    }

    /** Stops the run when an edit was not accepted; the database is not touched. */
    public void requireAccepted() {
        if (refused.isEmpty()) {
            return;
        }
        String ids = refused.stream().map(Edited::id).collect(Collectors.joining(","));
        String which = refused.size() == 1
                ? "Revision " + refused.get(0).id() + " was edited after it was applied (its checksum differs): "
                        + refused.get(0).file()
                : refused.size() + " revisions were edited after they were applied (their checksums differ): "
                        + refused.stream().map(e -> e.id() + " " + e.file()).collect(Collectors.joining(", "));
        throw new MigrationException(which + "; databases that applied it keep the old version. Revert the edit "
                + "and put the change into a new revision, or accept the file as it is with "
                + spelling.setting("acceptChanged", ids) + ".");
    }

    /** The warnings for accepted edits, one line each. */
    public List<String> acceptedWarnings() {
        return accepted.stream().map(e -> "Revision " + e.id() + " was edited after it was applied (" + e.file()
                + "); accepted by " + spelling.setting("acceptChanged") + ".").toList();
    }
}
