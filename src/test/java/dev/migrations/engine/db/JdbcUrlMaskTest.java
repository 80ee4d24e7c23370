package dev.migrations.engine.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlMaskTest {

    @Test
    void masksPasswordParameters() {
        assertThat(JdbcUrlMask.mask("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=****&ssl=true");
        assertThat(JdbcUrlMask.mask("jdbc:postgresql://db/app?PASSWORD=s3cret"))
                .isEqualTo("jdbc:postgresql://db/app?PASSWORD=****");
    }

    @Test
    void masksEveryParameterNamedForAPassword() {
        assertThat(JdbcUrlMask.mask("jdbc:postgresql://db/app?user=app&sslpassword=k3y&sslmode=require"))
                .isEqualTo("jdbc:postgresql://db/app?user=app&sslpassword=****&sslmode=require");
        assertThat(JdbcUrlMask.mask("jdbc:postgresql://db/app?SslPassword=k3y&password=s3cret"))
                .isEqualTo("jdbc:postgresql://db/app?SslPassword=****&password=****");
    }

    @Test
    void masksUserInfoPasswords() {
        assertThat(JdbcUrlMask.mask("jdbc:postgresql://app:s3cret@db:5432/app"))
                .isEqualTo("jdbc:postgresql://app:****@db:5432/app");
    }

    @Test
    void leavesUrlsWithoutCredentialsAlone() {
        String url = "jdbc:postgresql://db:5432/app?user=app";
        assertThat(JdbcUrlMask.mask(url)).isEqualTo(url);
    }

    @Test
    void settingsNeverPrintThePassword() {
        ConnectionSettings settings = new ConnectionSettings("jdbc:postgresql://db/app?password=s3cret", "app", "hunter2");
        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("s3cret");
    }
}
