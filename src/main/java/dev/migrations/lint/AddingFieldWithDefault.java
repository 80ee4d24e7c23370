package dev.migrations.lint;

import dev.migrations.api.model.Column;
import dev.migrations.api.operation.AddColumn;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column whose default differs row by row: since PostgreSQL 11 a constant default is stored
 * once in the catalog, but a volatile one (or an identity) is computed for every existing row,
 * which rewrites the table under an ACCESS EXCLUSIVE lock.
 */
final class AddingFieldWithDefault implements LintRule {

    /** The volatile functions defaults use; now() and current_timestamp are stable, and cheap. */
    private static final Pattern VOLATILE = Pattern.compile(
            "(?i)\\b(random|gen_random_uuid|uuid_generate_v[1-5]\\w*|clock_timestamp|timeofday|nextval)\\s*\\(");

    @Override
    public String id() {
        return "adding-field-with-default";
    }

    @Override
    public String safePattern() {
        return "add it without the default, set the default, then backfill in batches";
    }

    @Override
    public Optional<String> check(OperationInRevision in) {
        if (!(in.operation() instanceof AddColumn add) || !in.existsBefore(add.schema(), add.table())) {
            return Optional.empty();
        }
        Column column = add.column();
        String what;
        if (column.isIdentity()) {
            what = "an identity";
        } else {
            Matcher volatileCall = column.serverDefault() == null ? null : VOLATILE.matcher(column.serverDefault());
            if (volatileCall == null || !volatileCall.find()) {
                return Optional.empty();
            }
            what = "a volatile default (" + volatileCall.group(1) + "())";
        }
        return Optional.of("adds column " + add.table() + "." + column.name() + " with " + what
                + ", computed for every existing row: rewrites the table under an ACCESS EXCLUSIVE lock"
                + in.size(add.schema(), add.table()));
    }
}
