package dev.lakesentry.api.push;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Reads the one timestamp shape system tables almost always send, {@code 2025-03-04T10:00:00.000Z}, without a
 * {@code DateTimeFormatter} (several times faster; ingestion reads two or more per record). Anything else
 * returns null, and the caller falls back to its general ISO-8601 reading, which also decides what to refuse.
 *
 * @since 0.1.0
 */
public final class UtcTimestamps {
    private UtcTimestamps() {
    }

    /**
     * The instant written as {@code yyyy-MM-ddTHH:mm:ss[.f…]} followed by {@code Z} or {@code +00:00}; with
     * {@code lenient}, also with a space for the {@code T}, a lower-case {@code z}, or no zone at all (read as
     * UTC). Null when the text has another shape (another offset, more than nine fractional digits, a leap
     * second, the hour 24, a sign before the year, …).
     *
     * @throws java.time.DateTimeException when the shape matches but a field is out of range (month 13, 25 o'clock,
     *                                     30 February), as the formatter would refuse it
     */
    public static Instant parseCommonForm(String s, boolean lenient) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        char sep = s.charAt(10);
        if (sep != 'T' && !(lenient && sep == ' ')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || second > 59
                || hour == 24) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 9) {
                return null;
            }
            nanos = digits(s, start, len);
            for (int k = len; k < 9; k++) {
                nanos *= 10;
            }
        }
        boolean utc = (i == n - 1 && (s.charAt(i) == 'Z' || (lenient && s.charAt(i) == 'z')))
                || (i == n - 6 && s.startsWith("+00:00", i))
                || (lenient && i == n);
        if (!utc) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    /**
     * The date written as {@code yyyy-MM-dd} at the start of the text, or null for another shape.
     *
     * @throws java.time.DateTimeException for a day that does not exist
     */
    public static LocalDate parseDate(String s) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
    }

    /** The non-negative number written by {@code len} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
