package dev.migrations.engine.internal;

import dev.migrations.engine.graph.RevisionGraph;
import dev.migrations.engine.graph.RevisionNode;
import java.util.Set;

/**
 * One line of {@code history} or {@code heads}, in Alembic's shape:
 * {@code parent -> id (head) (branchpoint) (mergepoint) (current), message}.
 */
public final class HistoryLine {

    private HistoryLine() {
    }

    public static String of(RevisionGraph graph, RevisionNode node, Set<String> current, boolean verbose) {
        StringBuilder line = new StringBuilder();
        line.append(node.parents().isEmpty() ? "<base>" : String.join(", ", node.parents()));
        line.append(" -> ").append(node.id());
        if (graph.isHead(node.id())) {
            line.append(" (head)");
        }
        if (graph.isBranchPoint(node.id())) {
            line.append(" (branchpoint)");
        }
        if (node.isMerge()) {
            line.append(" (mergepoint)");
        }
        if (current.contains(node.id())) {
            line.append(" (current)");
        }
        if (!node.branchLabels().isEmpty()) {
            line.append(" (").append(String.join(", ", node.branchLabels())).append(')');
        }
        line.append(", ").append(node.message());
        if (verbose && !node.dependsOn().isEmpty()) {
            line.append(" [depends on ").append(String.join(", ", node.dependsOn())).append(']');
        }
        return line.toString();
    }
}
