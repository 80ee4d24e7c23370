package dev.migrations.autogen.diff;

/**
 * How a check constraint's expression is compared. PostgreSQL prints a check as it parsed it,
 * and that text, applied again, can print differently; two checks are the same when they
 * settle to the same text on the same table (see {@code CheckExpressions}).
 */
@FunctionalInterface
public interface CheckSpelling {

    /** Compares expressions as written: for snapshots whose checks already settled. */
    CheckSpelling AS_WRITTEN = (table, expression) -> expression;

    String settled(String table, String expression);
}
