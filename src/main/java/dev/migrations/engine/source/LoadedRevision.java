package dev.migrations.engine.source;

import dev.migrations.api.Migration;
import dev.migrations.engine.graph.RevisionNode;

/**
 * A revision found in the migrations directory, ready to run.
 *
 * @param created       creation time as written in the annotation (may be empty)
 * @param transactional whether it runs inside one transaction with its version update
 */
public record LoadedRevision(RevisionNode node, Class<? extends Migration> type, SourceFile source,
                             String created, boolean transactional) {

    public String id() {
        return node.id();
    }

    public String message() {
        return node.message();
    }

    public Migration instantiate() {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new dev.migrations.engine.MigrationException("Cannot create migration " + type.getName()
                    + " (" + e + "); give it a public no-argument constructor.");
        }
    }
}
