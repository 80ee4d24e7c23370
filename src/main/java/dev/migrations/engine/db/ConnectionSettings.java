package dev.migrations.engine.db;

/**
 * How to reach a database. The password is kept out of {@link #toString()} so that it can
 * never reach a log line by accident.
 *
 * @param passwordOrigin where the password was taken from ({@code -Dmigrations.password}, an
 *                       environment variable, a settings.xml server), so that a refused login
 *                       says which source to fix; null when the caller does not say
 */
public record ConnectionSettings(String url, String username, String password, String passwordOrigin) {

    public ConnectionSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url");
        }
    }

    public ConnectionSettings(String url, String username, String password) {
        this(url, username, password, null);
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
