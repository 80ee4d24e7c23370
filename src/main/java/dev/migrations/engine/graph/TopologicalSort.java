package dev.migrations.engine.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Orders revisions so every revision comes after its parents and depends-on revisions.
 *
 * <p>The order is Kahn's algorithm with one tie-break rule, so it depends only on the graph and
 * never on input order: after emitting a revision, the next one is the smallest id among the
 * revisions it just made ready (this keeps one branch together instead of interleaving
 * branches); when it made none ready, the next one is the smallest ready id overall.
 * Iterative, O((revisions + edges) log revisions).
 */
final class TopologicalSort {
    private TopologicalSort() {
    }

    /**
     * @param ids           every revision id
     * @param prerequisites id to the ids that must come before it (deduplicated)
     * @param successors    the reverse of {@code prerequisites}
     * @throws RevisionCycleException naming one cycle when there is any
     */
    static List<String> order(NavigableSet<String> ids, Map<String, List<String>> prerequisites,
                              Map<String, List<String>> successors) {
        Map<String, Integer> waitingFor = new HashMap<>();
        TreeSet<String> ready = new TreeSet<>();
        for (String id : ids) {
            int count = prerequisites.get(id).size();
            waitingFor.put(id, count);
            if (count == 0) {
                ready.add(id);
            }
        }
        List<String> order = new ArrayList<>(ids.size());
        String next = ready.isEmpty() ? null : ready.first();
        while (next != null) {
            ready.remove(next);
            order.add(next);
            String firstMadeReady = null;
            for (String successor : successors.get(next)) {
                int left = waitingFor.merge(successor, -1, Integer::sum);
                if (left == 0) {
                    ready.add(successor);
                    if (firstMadeReady == null || successor.compareTo(firstMadeReady) < 0) {
                        firstMadeReady = successor;
                    }
                }
            }
            next = firstMadeReady != null ? firstMadeReady : ready.isEmpty() ? null : ready.first();
        }
        if (order.size() < ids.size()) {
            throw new RevisionCycleException(findCycle(ids, prerequisites, waitingFor));
        }
        return order;
    }

    /**
     * Every revision left over still waits for another left-over revision, so walking
     * prerequisites among them must revisit one: the walk from that point on is a cycle.
     */
    private static List<String> findCycle(NavigableSet<String> ids, Map<String, List<String>> prerequisites,
                                          Map<String, Integer> waitingFor) {
        Map<String, Integer> stepOf = new HashMap<>();
        List<String> walk = new ArrayList<>();
        String current = ids.stream().filter(id -> waitingFor.get(id) > 0).findFirst().orElseThrow();
        while (!stepOf.containsKey(current)) {
            stepOf.put(current, walk.size());
            walk.add(current);
            current = prerequisites.get(current).stream()
                    .filter(id -> waitingFor.get(id) > 0)
                    .min(String::compareTo)
                    .orElseThrow();
        }
        List<String> cycle = new ArrayList<>(walk.subList(stepOf.get(current), walk.size()));
        // The walk went from child to parent; users read history parent first.
        Collections.reverse(cycle);
        int smallest = cycle.indexOf(Collections.min(cycle));
        Collections.rotate(cycle, -smallest);
        return cycle;
    }
}
