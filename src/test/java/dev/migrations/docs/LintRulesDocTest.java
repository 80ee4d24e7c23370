package dev.migrations.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.lint.Lint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/lint.md has one entry per rule, in the rules' order, and none for a rule that does not exist. */
class LintRulesDocTest {

    @Test
    void everyRuleHasItsEntryAndEveryEntryItsRule() throws Exception {
        String doc = Files.readString(Path.of("docs/lint.md"));
        Matcher heading = Pattern.compile("(?m)^### ([a-z-]+)$").matcher(doc);
        List<String> entries = heading.results().map(m -> m.group(1)).toList();
        assertThat(entries).isEqualTo(Lint.ruleIds());
        for (String rule : Lint.ruleIds()) {
            String entry = doc.substring(doc.indexOf("### " + rule));
            int next = entry.indexOf("\n### ", 1);
            entry = next < 0 ? entry : entry.substring(0, next);
            assertThat(entry).as(rule).contains("**Fires on**").contains("**Safe**");
        }
    }
}
