package dev.migrations.lint;

import dev.migrations.api.AllowLint;
import dev.migrations.api.operation.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lint of dangerous DDL: operations that in PostgreSQL hold a lock for long, rewrite a
 * table, fail on existing rows, or break the release still running during a deploy. One set
 * of rules, read by the writer (its {@code // REVIEW} comments) and by check and verify (their
 * warnings); docs/lint.md has an entry per rule.
 */
public final class Lint {

    private static final List<LintRule> RULES = List.of(new AddingRequiredField(), new AddingFieldWithDefault(),
            new AddingNotNullableField(), new ChangingColumnType(), new RequireConcurrentIndexCreation(),
            new DisallowedUniqueConstraint(), new ConstraintMissingNotValid(), new BanDropColumn(), new BanDropTable(),
            new RenamingColumn(), new RenamingTable());

    private Lint() {
    }

    /** The rules' ids, in the order docs/lint.md lists them. */
    public static List<String> ruleIds() {
        return RULES.stream().map(LintRule::id).toList();
    }

    /** Every finding about {@code operations}, a revision's in order, operation by operation. */
    public static List<Finding> findings(List<Operation> operations, TableFacts tables) {
        List<Operation> revision = List.copyOf(operations);
        List<Finding> findings = new ArrayList<>();
        for (int index = 0; index < revision.size(); index++) {
            OperationInRevision operation = new OperationInRevision(revision, index, tables);
            for (LintRule rule : RULES) {
                int at = index;
                rule.check(operation).ifPresent(message -> findings.add(
                        new Finding(rule.id(), at, revision.get(at), message, rule.safePattern())));
            }
        }
        return findings;
    }

    /** A revision's findings, split into those to report and those its {@code @AllowLint}s accept. */
    public record Result(List<Finding> reported, List<Finding> allowed) {
    }

    /**
     * As {@link #findings}, leaving out the rules the revision allows.
     *
     * @throws IllegalArgumentException naming the first allowance that {@link #problem} rejects
     */
    public static Result check(List<Operation> operations, TableFacts tables, List<AllowLint> allowances) {
        for (AllowLint allowance : allowances) {
            problem(allowance).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
        Set<String> allowed = allowances.stream().map(AllowLint::rule).collect(Collectors.toSet());
        List<Finding> reported = new ArrayList<>();
        List<Finding> accepted = new ArrayList<>();
        for (Finding finding : findings(operations, tables)) {
            (allowed.contains(finding.rule()) ? accepted : reported).add(finding);
        }
        return new Result(reported, accepted);
    }

    /**
     * What is wrong with an allowance, if anything: a rule id no rule has (a typo would silence
     * nothing and look like it did), or no reason (the reason is what a reviewer checks).
     */
    public static Optional<String> problem(AllowLint allowance) {
        if (!ruleIds().contains(allowance.rule())) {
            return Optional.of("@AllowLint(rule = \"" + allowance.rule() + "\") names no lint rule; use one of "
                    + String.join(", ", ruleIds()) + " (docs/lint.md)");
        }
        if (allowance.reason().isBlank()) {
            return Optional.of("@AllowLint(rule = \"" + allowance.rule() + "\") gives no reason; say in reason = \"...\""
                    + " why the finding is safe here");
        }
        return Optional.empty();
    }
}
