package dev.migrations.engine;

import java.util.List;
import java.util.Set;

/**
 * What an upgrade, downgrade or stamp did.
 *
 * @param revisions the revisions run, in the order they ran (empty for stamp)
 * @param before    the database's heads before the run
 * @param after     the database's heads after it
 */
public record RunResult(List<AppliedRevision> revisions, Set<String> before, Set<String> after) {
    public RunResult {
        revisions = List.copyOf(revisions);
        before = Set.copyOf(before);
        after = Set.copyOf(after);
    }
}
