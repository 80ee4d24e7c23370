package dev.migrations.engine;

import dev.migrations.api.AllowLint;
import dev.migrations.api.Migration;
import dev.migrations.api.operation.Operation;
import dev.migrations.engine.source.LoadedRevision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A revision's {@code upgrade()} as the operations it builds, recorded without running them
 * (nothing reaches a database, and {@code op.run} code is not called): what the lint reads.
 *
 * @param file        the migration's source file
 * @param allowances  the revision's {@code @AllowLint} annotations
 */
public record RecordedUpgrade(String id, String message, Path file, List<Operation> operations,
                              List<AllowLint> allowances) {

    public RecordedUpgrade {
        operations = List.copyOf(operations);
        allowances = List.copyOf(allowances);
    }

    /** Records {@code revision}'s {@code upgrade()}; what its code throws reaches the caller. */
    public static RecordedUpgrade of(LoadedRevision revision) {
        Migration migration = revision.instantiate();
        List<Operation> operations = new ArrayList<>();
        migration.upgrade(operations::add);
        return new RecordedUpgrade(revision.id(), revision.message(), revision.source().path(), operations,
                List.of(migration.getClass().getAnnotationsByType(AllowLint.class)));
    }
}
