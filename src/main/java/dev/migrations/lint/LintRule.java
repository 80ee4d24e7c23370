package dev.migrations.lint;

import java.util.Optional;

/** One kind of dangerous DDL: a pure function of an operation and the revision around it. */
interface LintRule {

    /** Kebab-case, squawk's where squawk has the rule. */
    String id();

    /** The safe way, in a few words, for a one-line report; docs/lint.md has the full pattern. */
    String safePattern();

    /** What is dangerous about the operation, or empty when nothing is. */
    Optional<String> check(OperationInRevision operation);
}
