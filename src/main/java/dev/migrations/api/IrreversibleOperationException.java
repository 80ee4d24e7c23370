package dev.migrations.api;

/** Thrown when an operation cannot be reversed because it does not carry the prior state. */
public class IrreversibleOperationException extends RuntimeException {
    public IrreversibleOperationException(String message) {
        super(message);
    }
}
