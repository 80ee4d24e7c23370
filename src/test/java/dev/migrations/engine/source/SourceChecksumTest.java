package dev.migrations.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

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
}
