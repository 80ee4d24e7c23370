package dev.migrations.autogen.model.converted;

/** A value stored as a number of cents by an auto-applied converter. */
public record Money(long cents) {
}
