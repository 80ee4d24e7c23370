package dev.migrations.engine.db;

import java.util.regex.Pattern;

/** Masks credentials that a JDBC URL may carry (as a parameter or as user-info). */
public final class JdbcUrlMask {

    /** {@code password}, and every other parameter named for one ({@code sslpassword}, ...). */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;][^?&;=]*password=)[^&;]*");
    private static final Pattern USER_INFO =
            Pattern.compile("(//[^/@:?]*:)[^/@]*(@)");

    private JdbcUrlMask() {
    }

    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
        return USER_INFO.matcher(masked).replaceAll("$1****$2");
    }
}
