package dev.migrations.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ScopedJvmSettingsTest {

    private static final String KEY = "dev.migrations.test.scoped";

    @Test
    void aPropertyIsSetForTheScopeOnlyAndAUsersOwnIsLeftAlone() {
        System.clearProperty(KEY);
        try (ScopedJvmSettings scope = new ScopedJvmSettings().systemPropertyUnlessSet(KEY, "warn")) {
            assertThat(System.getProperty(KEY)).isEqualTo("warn");
        }
        assertThat(System.getProperty(KEY)).isNull();

        System.setProperty(KEY, "debug");
        try {
            try (ScopedJvmSettings scope = new ScopedJvmSettings().systemPropertyUnlessSet(KEY, "warn")) {
                assertThat(System.getProperty(KEY)).isEqualTo("debug");
            }
            assertThat(System.getProperty(KEY)).isEqualTo("debug");
        } finally {
            System.clearProperty(KEY);
        }
    }

    @Test
    void aLoggerLevelIsSetForTheScopeOnlyAndTheOneBeforeComesBack() {
        Logger logger = Logger.getLogger(KEY);
        logger.setLevel(Level.FINE);
        try (ScopedJvmSettings scope = new ScopedJvmSettings().loggerLevelUnlessConfigured(KEY, Level.WARNING)) {
            assertThat(logger.getLevel()).isEqualTo(Level.WARNING);
        }
        assertThat(logger.getLevel()).isEqualTo(Level.FINE);
        logger.setLevel(null);
    }
}
