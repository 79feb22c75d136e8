package dev.lakesentry.testkit.emulator;

import java.util.regex.Pattern;

/** Path globs for faults and call-log queries: {@code *} matches within one path segment, {@code **} across. */
final class PathPattern {

    private PathPattern() {
    }

    static Pattern compile(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("A path pattern must not be blank; use /** for every path");
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }

    static boolean methodMatches(String wanted, String actual) {
        return wanted == null || wanted.equals("*") || wanted.equalsIgnoreCase(actual);
    }
}
