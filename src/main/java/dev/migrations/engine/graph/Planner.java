package dev.migrations.engine.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a target into the revisions to apply or undo; the rules are documented on {@link
 * RevisionGraph#upgradePlan} and {@link RevisionGraph#downgradePlan}. Every walk is iterative
 * and touches each revision and edge a bounded number of times, so a plan over thousands of
 * revisions is cheap.
 */
final class Planner {
    private final RevisionGraph graph;

    Planner(RevisionGraph graph) {
        this.graph = graph;
    }

    List<RevisionNode> upgrade(Collection<String> currentHeads, String targetText) {
        Target target = Target.parse(targetText);
        Set<String> applied = graph.appliedIds(currentHeads);
        List<String> goals;
        if (target instanceof Target.Base) {
            return List.of();
        } else if (target instanceof Target.Head) {
            if (graph.isEmpty()) {
                return List.of();
            }
            goals = List.of(graph.head().id());
        } else if (target instanceof Target.Heads) {
            goals = graph.heads().stream().map(RevisionNode::id).toList();
        } else if (target instanceof Target.Relative relative) {
            if (relative.steps() < 0) {
                throw new InvalidTargetException("Target '" + targetText.strip() + "' moves down; use '"
                        + graph.spelling().command("downgrade", "target", targetText.strip()) + "' instead.");
            }
            return forward(applied, relative.steps(), targetText.strip());
        } else {
            String id = graph.resolve(((Target.Revision) target).reference()).id();
            if (applied.contains(id) && !currentHeads.contains(id)) {
                // as Alembic: an upgrade never moves down, and "nothing to do" would hide the mistake
                throw new InvalidTargetException("Target '" + targetText.strip() + "' is below the current revision ("
                        + describe(currentHeads) + "); to go down to it, run '"
                        + graph.spelling().command("downgrade", "target", targetText.strip()) + "'.");
            }
            goals = List.of(id);
        }
        // The applied set holds every ancestor of an applied revision, so the walk can stop at it.
        Set<String> toApply = graph.closure(goals, graph.prerequisitesMap(), id -> !applied.contains(id));
        return graph.inOrder(toApply);
    }

    List<RevisionNode> downgrade(Collection<String> currentHeads, String targetText) {
        Target target = Target.parse(targetText);
        String shown = targetText.strip();
        Set<String> applied = graph.appliedIds(currentHeads);
        if (target instanceof Target.Base) {
            return graph.newestFirst(graph.inOrderIds(applied));
        } else if (target instanceof Target.Relative relative) {
            if (relative.steps() > 0) {
                throw new InvalidTargetException("Target '" + shown + "' is not below the current revision; use '"
                        + graph.spelling().command("upgrade", "target", shown) + "' to move up.");
            }
            return backward(applied, -relative.steps(), shown);
        } else if (target instanceof Target.Head || target instanceof Target.Heads) {
            throw new InvalidTargetException("Target '" + shown + "' is not below the current revision; downgrade"
                    + " to -N, base, or a revision id.");
        }
        String id = graph.resolve(((Target.Revision) target).reference()).id();
        if (!applied.contains(id)) {
            throw new InvalidTargetException("Target '" + shown + "' is not below the current revision: " + id
                    + " is not applied (the database is at " + describe(currentHeads) + "); use '"
                    + graph.spelling().command("upgrade", "target", shown) + "' to move up to it.");
        }
        // An applied revision's ancestors are all applied, so every path from the target to it stays applied.
        Set<String> toUndo = graph.closure(graph.successorsOf(id), graph.successorsMap(), applied::contains);
        return graph.newestFirst(graph.inOrderIds(toUndo));
    }

    /** Steps forward one revision at a time, refusing to guess between branches. */
    private List<RevisionNode> forward(Set<String> applied, int steps, String shown) {
        int pending = graph.size() - applied.size();
        if (steps > pending) {
            throw new InvalidTargetException("Target '" + shown + "' goes past the head: "
                    + (pending == 0 ? "no revisions are pending" : "only " + count(pending) + " pending")
                    + "; use " + graph.spelling().argument("target", "heads") + " to apply all that are.");
        }
        Map<String, Integer> waitingFor = new HashMap<>();
        TreeSet<String> ready = new TreeSet<>();
        for (String id : graph.order()) {
            if (!applied.contains(id)) {
                int unapplied = (int) graph.prerequisitesOf(id).stream().filter(p -> !applied.contains(p)).count();
                waitingFor.put(id, unapplied);
                if (unapplied == 0) {
                    ready.add(id);
                }
            }
        }
        List<RevisionNode> plan = new ArrayList<>(steps);
        for (int step = 1; step <= steps; step++) {
            if (ready.size() > 1) {
                throw new InvalidTargetException("Target '" + shown + "' is ambiguous: history branches at step "
                        + step + ", where " + RevisionGraphException.listed(List.copyOf(ready))
                        + " could each come next; upgrade to a revision id instead ("
                        + graph.spelling().argument("target", "<id>") + ").");
            }
            String next = ready.pollFirst();
            plan.add(graph.node(next));
            for (String successor : graph.successorsOf(next)) {
                if (waitingFor.merge(successor, -1, Integer::sum) == 0) {
                    ready.add(successor);
                }
            }
        }
        return List.copyOf(plan);
    }

    /** Steps back one revision at a time, refusing to guess between branches. */
    private List<RevisionNode> backward(Set<String> applied, int steps, String shown) {
        if (steps > applied.size()) {
            throw new InvalidTargetException("Target '" + shown + "' goes below base: "
                    + (applied.isEmpty() ? "no revisions are applied" : "only " + count(applied.size()) + " applied")
                    + "; use " + graph.spelling().argument("target", "base") + " to undo all that are.");
        }
        Map<String, Integer> neededBy = new HashMap<>();
        TreeSet<String> newest = new TreeSet<>();
        for (String id : applied) {
            int needing = (int) graph.successorsOf(id).stream().filter(applied::contains).count();
            neededBy.put(id, needing);
            if (needing == 0) {
                newest.add(id);
            }
        }
        List<RevisionNode> plan = new ArrayList<>(steps);
        for (int step = 1; step <= steps; step++) {
            if (newest.size() > 1) {
                throw new InvalidTargetException("Target '" + shown + "' is ambiguous: history branches at step "
                        + step + ", where " + RevisionGraphException.listed(List.copyOf(newest))
                        + " are each the newest applied revision; downgrade to a revision id instead ("
                        + graph.spelling().argument("target", "<id>") + ").");
            }
            String next = newest.pollFirst();
            plan.add(graph.node(next));
            for (String prerequisite : graph.prerequisitesOf(next)) {
                if (neededBy.merge(prerequisite, -1, Integer::sum) == 0) {
                    newest.add(prerequisite);
                }
            }
        }
        return List.copyOf(plan);
    }

    private static String count(int revisions) {
        return revisions + (revisions == 1 ? " revision is" : " revisions are");
    }

    private static String describe(Collection<String> currentHeads) {
        return currentHeads.isEmpty() ? "base, nothing applied" : String.join(", ", new TreeSet<>(currentHeads));
    }
}
