package dev.migrations.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListParameterTest {

    @Test
    void readsMavensListFormAsItIs() {
        assertThat(ListParameter.values(List.of("com.example.a", "com.example.b")))
                .containsExactly("com.example.a", "com.example.b");
    }

    @Test
    void splitsOneCommaSeparatedStringAndStripsTheBlanks() {
        assertThat(ListParameter.values(List.of(" com.example.a ,com.example.b,  ")))
                .containsExactly("com.example.a", "com.example.b");
    }

    @Test
    void stripsWhatMavenLeavesAfterSplittingACommandLineValue() {
        // -Dmigrations.entityPackages="a, b" reaches a List parameter as ["a", " b"]
        assertThat(ListParameter.values(List.of("com.example.a", " com.example.b")))
                .containsExactly("com.example.a", "com.example.b");
    }

    @Test
    void nothingConfiguredIsAnEmptyList() {
        assertThat(ListParameter.values(null)).isEmpty();
        assertThat(ListParameter.values(Arrays.asList(null, " ", ""))).isEmpty();
    }
}
