package dev.migrations.engine.db;

/**
 * How to reach a database. The password is kept out of {@link #toString()} so that it can
 * never reach a log line by accident.
 */
public record ConnectionSettings(String url, String username, String password) {

    public ConnectionSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url");
        }
    }

    /** The url with any password parameter or user-info password masked, safe to print. */
    public String displayUrl() {
        return JdbcUrlMask.mask(url);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + displayUrl() + ", username=" + username
                + ", password=" + (password == null ? "none" : "****") + "]";
    }
}
