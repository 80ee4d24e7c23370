package dev.migrations.autogen;

import dev.migrations.api.model.Constraint;
import dev.migrations.api.operation.AddConstraint;
import dev.migrations.api.operation.CreateTable;
import dev.migrations.api.operation.Operation;
import dev.migrations.engine.graph.RevisionNode;
import dev.migrations.engine.RecordedUpgrade;
import dev.migrations.engine.source.RevisionCatalog;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Check constraints as the project's revisions wrote them, by table: the source texts of the
 * checks the live schema holds. Each revision's {@code upgrade()} is run against a recorder,
 * which builds the operations without touching a database.
 */
final class WrittenChecks {

    private WrittenChecks() {
    }

    static Map<String, Set<String>> of(RevisionCatalog catalog) {
        Map<String, Set<String>> byTable = new HashMap<>();
        for (RevisionNode node : catalog.graph().history()) {
            List<Operation> recorded;
            try {
                recorded = RecordedUpgrade.of(catalog.revision(node)).operations();
            } catch (RuntimeException | LinkageError e) {
                // A revision that cannot be replayed without its database just offers no sources.
                continue;
            }
            for (Operation operation : recorded) {
                if (operation instanceof CreateTable create) {
                    create.constraints().forEach(c -> add(byTable, create.table(), c));
                } else if (operation instanceof AddConstraint add) {
                    add(byTable, add.table(), add.constraint());
                }
            }
        }
        return byTable;
    }

    private static void add(Map<String, Set<String>> byTable, String table, Constraint constraint) {
        if (constraint instanceof Constraint.Check check) {
            byTable.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(check.expression());
        }
    }
}
