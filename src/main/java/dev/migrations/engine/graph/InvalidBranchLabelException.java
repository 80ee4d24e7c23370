package dev.migrations.engine.graph;

/** A branch label that cannot be used as a target: reserved, malformed, or declared twice. */
public final class InvalidBranchLabelException extends RevisionGraphException {
    InvalidBranchLabelException(String message) {
        super(message);
    }
}
