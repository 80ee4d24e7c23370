package dev.migrations.maven;

import dev.migrations.api.AllowLint;
import dev.migrations.engine.EngineLog;
import dev.migrations.engine.MigrationException;
import dev.migrations.engine.RecordedUpgrade;
import dev.migrations.lint.Finding;
import dev.migrations.lint.Lint;
import dev.migrations.lint.TableFacts;
import java.util.List;

/**
 * The lint's findings about recorded upgrades, as check and verify print them: a warning line
 * per finding (revision and file, rule, what, the safe way), then one line to sum up. Warnings,
 * not failures: a finding is often right for a table that is small, or new to this release, and
 * the one who knows says so with {@code @AllowLint}.
 */
final class LintWarnings {

    private LintWarnings() {
    }

    /**
     * @param which how the output names the revisions: {@code pending revision(s)}, {@code revision(s)}
     * @throws MigrationException for an {@code @AllowLint} with an unknown rule or no reason
     */
    static void report(List<RecordedUpgrade> upgrades, TableFacts tables, String which, EngineLog log) {
        if (upgrades.isEmpty()) {
            return;
        }
        int reported = 0;
        int allowed = 0;
        for (RecordedUpgrade upgrade : upgrades) {
            String revision = upgrade.id() + " (" + upgrade.file().getFileName() + ")";
            Lint.Result result;
            try {
                result = Lint.check(upgrade.operations(), tables, upgrade.allowances());
            } catch (IllegalArgumentException e) {
                throw new MigrationException("Revision " + revision + ": " + e.getMessage() + ".");
            }
            for (Finding finding : result.reported()) {
                log.warn("Lint: " + revision + " [" + finding.rule() + "] " + finding.message() + "; safer: "
                        + finding.safePattern());
            }
            for (AllowLint allowance : upgrade.allowances()) {
                long accepted = result.allowed().stream().filter(f -> f.rule().equals(allowance.rule())).count();
                if (accepted > 0) {
                    log.info("Lint: " + revision + " [" + allowance.rule() + "] " + accepted
                            + " finding(s) allowed: " + allowance.reason());
                }
            }
            reported += result.reported().size();
            allowed += result.allowed().size();
        }
        String counted = upgrades.size() + " " + which + (allowed == 0 ? "" : ", " + allowed + " allowed by @AllowLint");
        if (reported == 0) {
            log.info("Lint: no dangerous DDL in " + counted + ".");
        } else {
            log.warn("Lint: " + reported + " finding(s) in " + counted + "; docs/lint.md has each rule's safe"
                    + " pattern, and how to allow one with @AllowLint(rule, reason).");
        }
    }
}
