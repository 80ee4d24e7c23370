package dev.migrations.engine.graph;

import java.util.List;

/** Parents and depends-on links loop back on themselves, so no revision in the loop could ever run. */
public final class RevisionCycleException extends RevisionGraphException {
    private final List<String> cycle;

    /** @param cycle the revisions in the loop, each one coming after the one before it */
    RevisionCycleException(List<String> cycle) {
        super("Revisions form a cycle through their parents/depends-on: " + String.join(" -> ", cycle)
                + " -> " + cycle.get(0) + "; change a parent or depends-on id in one of them to break it.");
        this.cycle = List.copyOf(cycle);
    }

    /** The revisions in the loop, starting at the smallest id, each one coming after the one before it. */
    public List<String> cycle() {
        return cycle;
    }
}
