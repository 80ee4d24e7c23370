package dev.migrations.engine.source;

import dev.migrations.api.Migration;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.graph.RevisionNode;

/**
 * A revision found in the migrations directory, ready to run. Its class is loaded only when
 * it is instantiated: building the graph needs only the metadata.
 *
 * @param created       creation time as written in the annotation (may be empty)
 * @param transactional whether it runs inside one transaction with its version update
 * @param loader        where its class comes from
 */
public record LoadedRevision(RevisionNode node, SourceFile source, String created, boolean transactional,
                             MigrationLoader loader) {

    public String id() {
        return node.id();
    }

    public String message() {
        return node.message();
    }

    public Migration instantiate() {
        Class<? extends Migration> type = loader.migrationClass(source);
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new MigrationException("Cannot create migration " + type.getName()
                    + " (" + e + "); give it a public no-argument constructor.");
        }
    }
}
