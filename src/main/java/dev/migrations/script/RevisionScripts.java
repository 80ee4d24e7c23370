package dev.migrations.script;

import com.palantir.javapoet.CodeBlock;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.Migrations;
import dev.migrations.engine.MigrationsConfig;
import dev.migrations.engine.graph.RevisionGraph;
import dev.migrations.engine.graph.RevisionId;
import dev.migrations.engine.graph.RevisionNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Creates new migration classes: empty revisions to write by hand, and merge revisions. */
public final class RevisionScripts {


    private final MigrationsConfig config;
    private final EngineLog log;
    private final Clock clock;

    public RevisionScripts(MigrationsConfig config, EngineLog log, Clock clock) {
        this.config = config;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Writes an empty revision after {@code head} (or after the single head when null).
     *
     * @param head       a revision id, prefix or {@code base}; naming a revision that is not a
     *                   head starts a branch
     * @param revisionId the id to use, or null for a random one
     */
    public Path createEmpty(String message, String head, String revisionId) {
        return create(message, head, revisionId, MigrationClassWriter.emptyBody("upgrade"),
                MigrationClassWriter.emptyBody("downgrade"));
    }

    /** Writes a revision after {@code head} with the given method bodies. */
    public Path create(String message, String head, String revisionId, MethodBody upgrade, MethodBody downgrade) {
        requireMessage(message);
        return create(new Migrations(config, log).graph(), message, head, revisionId, upgrade, downgrade);
    }

    /** As {@link #create(String, String, String, MethodBody, MethodBody)}, in a graph already loaded. */
    public Path create(RevisionGraph graph, String message, String head, String revisionId, MethodBody upgrade,
                       MethodBody downgrade) {
        requireMessage(message);
        List<String> parents = parentsFor(graph, head);
        RevisionMetadata revision = new RevisionMetadata(newId(graph, revisionId), parents, message,
                LocalDateTime.now(clock), List.of(), List.of());
        Path file = new MigrationClassWriter(config.migrationsPackage()).write(config.migrationsDirectory(), revision,
                upgrade, downgrade);
        log.info("Generated " + file + " (revision " + revision.id() + ")");
        return file;
    }

    /** Writes a merge revision whose parents are {@code revisions}, or all heads when empty. */
    public Path merge(String message, List<String> revisions, String revisionId) {
        requireMessage(message);
        RevisionGraph graph = new Migrations(config, log).graph();
        List<String> parents = new ArrayList<>();
        if (revisions == null || revisions.isEmpty()) {
            graph.heads().forEach(h -> parents.add(h.id()));
        } else {
            for (String reference : revisions) {
                String id = graph.resolve(reference.strip()).id();
                if (!parents.contains(id)) {
                    parents.add(id);
                }
            }
        }
        if (parents.size() < 2) {
            throw new MigrationException("Nothing to merge: " + (parents.isEmpty() ? "there are no revisions"
                    : "only one revision (" + parents.get(0) + ") given")
                    + "; a merge needs two or more heads (see migrations:heads), or -Drevisions=a,b.");
        }
        for (String a : parents) {
            for (String b : parents) {
                if (!a.equals(b) && graph.isAncestor(a, b)) {
                    throw new MigrationException("Cannot merge " + a + " with " + b + ": " + a
                            + " is already an ancestor of " + b + "; merge heads of separate branches.");
                }
            }
        }
        RevisionMetadata revision = new RevisionMetadata(newId(graph, revisionId), parents, message,
                LocalDateTime.now(clock), List.of(), List.of());
        MethodBody nothing = MethodBody.of(
                CodeBlock.of("// A merge revision joins branches; it usually changes nothing.\n"));
        Path file = new MigrationClassWriter(config.migrationsPackage()).write(config.migrationsDirectory(), revision,
                nothing, nothing);
        log.info("Generated merge revision " + file + " (revision " + revision.id() + ", merging "
                + String.join(", ", parents) + ")");
        return file;
    }

    private List<String> parentsFor(RevisionGraph graph, String head) {
        if (head == null || head.isBlank()) {
            List<RevisionNode> heads = graph.heads();
            if (heads.size() > 1) {
                throw new MigrationException("There are several heads ("
                        + String.join(", ", heads.stream().map(RevisionNode::id).toList())
                        + "); say which one the new revision follows with -Dhead=<id>, or merge them first with migrations:merge.");
            }
            return heads.stream().map(RevisionNode::id).toList();
        }
        if (head.strip().equals("base")) {
            if (!graph.isEmpty()) {
                log.info("The new revision starts a new base (a separate branch with no parent).");
            }
            return List.of();
        }
        String parent = head.strip().equals("head") ? graph.head().id() : graph.resolve(head.strip()).id();
        if (!graph.isHead(parent)) {
            log.warn("Revision " + parent + " is not a head: the new revision starts a branch. "
                    + "Merge the branches (migrations:merge) before upgrading to head.");
        }
        return List.of(parent);
    }

    private static String newId(RevisionGraph graph, String chosen) {
        if (chosen != null && !chosen.isBlank()) {
            String id = chosen.strip();
            if (RevisionGraph.readsAsTarget(id)) {
                throw new MigrationException("Revision id '" + id + "' reads as a target (head, heads, base); "
                        + "choose another -DrevisionId.");
            }
            if (!RevisionId.isValid(id)) {
                throw new MigrationException("Revision id '" + id + "' is not valid; use " + RevisionId.RULE_TEXT
                        + " (or leave out -DrevisionId).");
            }
            if (graph.contains(id)) {
                throw new MigrationException("Revision id " + id + " is already taken; choose another -DrevisionId.");
            }
            if (graph.branchLabels().containsKey(id)) {
                throw new MigrationException("Revision id " + id + " is a branch label already; choose another "
                        + "-DrevisionId.");
            }
            return id;
        }
        String id;
        do {
            id = RevisionId.generate();
        } while (graph.contains(id));
        return id;
    }

    public static void requireMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new MigrationException("A revision needs a message: add -Dmessage=\"what this revision does\".");
        }
    }
}
