package dev.migrations.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts one lint rule's findings in this revision, for a reason a later reader can check:
 * {@code @AllowLint(rule = "require-concurrent-index-creation", reason = "audit_log is empty until
 * the feature ships")}. The rules and their ids are in docs/lint.md; {@code check} and
 * {@code verify} refuse an unknown id or an empty reason.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(AllowLint.List.class)
public @interface AllowLint {

    /** The rule's id, such as {@code ban-drop-column}. */
    String rule();

    /** Why the finding is safe here; it stays in the source for the reviewer. */
    String reason();

    /** Several rules allowed on one revision. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        AllowLint[] value();
    }
}
