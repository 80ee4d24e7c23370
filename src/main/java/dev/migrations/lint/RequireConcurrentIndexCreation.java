package dev.migrations.lint;

import dev.migrations.api.operation.CreateIndex;
import java.util.Optional;

/** CREATE INDEX holds a SHARE lock for as long as the build takes: every write to the table waits. */
final class RequireConcurrentIndexCreation implements LintRule {

    @Override
    public String id() {
        return "require-concurrent-index-creation";
    }

    @Override
    public String safePattern() {
        return "op.createIndexConcurrently in a revision with @Revision(transactional = false)";
    }

    @Override
    public Optional<String> check(OperationInRevision in) {
        if (!(in.operation() instanceof CreateIndex create) || create.concurrently()
                || !in.existsBefore(create.schema(), create.table())) {
            return Optional.empty();
        }
        return Optional.of("creates index " + create.index().name() + " on " + create.table() + " ("
                + String.join(", ", create.index().columns()) + ") without CONCURRENTLY: writes to "
                + create.table() + " wait until it is built" + in.size(create.schema(), create.table()));
    }
}
