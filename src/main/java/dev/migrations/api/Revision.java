package dev.migrations.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The identity of a migration class and its place in the revision graph. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

    /** Twelve lowercase hex characters, unique among the project's revisions. */
    String id();

    /** The revisions this one follows: none for a base, two or more for a merge. */
    String[] parents() default {};

    String message() default "";

    /** Creation time, ISO-8601 local date-time, as written by {@code migrations:revision}. */
    String created() default "";

    /** Names that can be used instead of the id, e.g. as {@code billing@head}. */
    String[] branchLabels() default {};

    /** Revisions that must be applied first without being parents (cross-branch dependency). */
    String[] dependsOn() default {};

    /**
     * Whether the revision runs inside a transaction with its version-table update. Set to
     * false for statements PostgreSQL refuses inside a transaction, such as
     * {@code CREATE INDEX CONCURRENTLY}; the version is then recorded only after success.
     */
    boolean transactional() default true;
}
