package dev.migrations.lint;

import dev.migrations.api.operation.Operation;

/**
 * One rule firing on one operation of a revision.
 *
 * @param rule        the rule's id, which docs/lint.md explains and {@code @AllowLint} names
 * @param index       the operation's position in the revision's list
 * @param message     what the operation does to an existing table, and why that hurts
 * @param safePattern the safe way, in a few words
 */
public record Finding(String rule, int index, Operation operation, String message, String safePattern) {
}
