package dev.lakesentry.store.jdbc.internal;

import java.util.regex.Pattern;

/** Not API. Masks secrets in JDBC URLs before they reach a message or a log line. */
public final class Urls {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:password|pwd|sslpassword)=)([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)([^@/]*)(@)");

    private Urls() {
    }

    /** The URL with every password (parameter or user info) replaced by {@code ****}. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1****");
        return USER_INFO.matcher(masked).replaceAll("$1****$3");
    }
}
