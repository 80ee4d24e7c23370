package dev.migrations.engine.graph;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * One revision as the graph sees it: its identity and its edges, nothing about how it runs.
 *
 * @param id           12 lowercase hex characters (any non-blank string is accepted by the graph)
 * @param parents      ids this revision comes after (empty for a base; two or more for a merge)
 * @param dependsOn    ids that must be applied first without being parents (cross-branch dependency)
 * @param branchLabels names a user may target instead of the id (e.g. {@code billing@head})
 * @param message      the human description
 */
public record RevisionNode(String id, List<String> parents, List<String> dependsOn,
                           List<String> branchLabels, String message) {
    public RevisionNode {
        parents = distinct(parents);
        dependsOn = distinct(dependsOn);
        branchLabels = distinct(branchLabels);
        message = message == null ? "" : message;
    }

    /** A name listed twice is still one edge (or label): {@code parents = {"a", "a"}} is no merge. */
    private static List<String> distinct(List<String> names) {
        return names.size() < 2 ? List.copyOf(names) : List.copyOf(new LinkedHashSet<>(names));
    }

    public static RevisionNode of(String id, String... parents) {
        return new RevisionNode(id, List.of(parents), List.of(), List.of(), "");
    }

    public boolean isBase() {
        return parents.isEmpty();
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }
}
