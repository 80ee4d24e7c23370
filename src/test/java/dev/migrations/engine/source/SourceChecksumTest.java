package dev.migrations.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceChecksumTest {

    @Test
    void lineEndingsAndTrailingWhitespaceDoNotCount() {
        String unix = "class A {\n  int x;\n}\n";
        assertThat(SourceChecksum.of("class A {\r\n  int x;   \r\n}\r\n\r\n")).isEqualTo(SourceChecksum.of(unix));
        assertThat(SourceChecksum.of("class A {\r  int x;\t\r}")).isEqualTo(SourceChecksum.of(unix));
    }

    @Test
    void anyOtherEditCounts() {
        assertThat(SourceChecksum.of("class A { int x; }")).isNotEqualTo(SourceChecksum.of("class A { int y; }"));
        assertThat(SourceChecksum.of("  class A {}")).isNotEqualTo(SourceChecksum.of("class A {}"));
        assertThat(SourceChecksum.of("a")).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void normalizesExactlyAsSplittingIntoLinesAndStrippingEachDoes() {
        // the checksums stored by earlier versions were computed this way: they must not change
        Random random = new Random(7);
        String alphabet = "ab \t\r\n\u2003\u00a0x;{}\u00e9\ud83d\ude00";
        for (int trial = 0; trial < 20_000; trial++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(SourceChecksum.normalize(text.toString())).as("%s", text).isEqualTo(reference(text.toString()));
        }
    }

    private static String reference(String source) {
        StringBuilder normalized = new StringBuilder(source.length());
        for (String line : source.split("\r\n|\r|\n", -1)) {
            normalized.append(line.stripTrailing()).append('\n');
        }
        int end = normalized.length();
        while (end > 0 && normalized.charAt(end - 1) == '\n') {
            end--;
        }
        normalized.setLength(end);
        return normalized.toString();
    }
}
