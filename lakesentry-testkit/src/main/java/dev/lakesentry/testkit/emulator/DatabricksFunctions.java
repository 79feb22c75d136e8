package dev.lakesentry.testkit.emulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The Databricks SQL functions the emulator understands on top of H2's own, kept in this one place.
 *
 * <p>Two kinds exist. {@link #ALIASES} are registered in H2 as user functions under their Databricks names and
 * call the static methods of this class. {@link #CLOCK_FUNCTIONS} collide with H2 built-ins that read the wall
 * clock, so the emulator rewrites them (outside string literals) into literals of the emulator's injected
 * {@link java.time.Clock}, taken once per statement, as Databricks fixes them once per query.
 *
 * <p>The static methods are public only because H2 calls them by reflection; they are not API.
 *
 * @since 0.1.0
 */
public final class DatabricksFunctions {

    /**
     * A Databricks function registered as an H2 user function.
     *
     * @param name   the Databricks name, e.g. {@code unix_millis}
     * @param method the static method of this class that implements it
     * @param usage  how Databricks documents the call
     */
    public record Alias(String name, String method, String usage) {
    }

    /** Functions registered as H2 aliases under their Databricks names. */
    public static final List<Alias> ALIASES = List.of(
            new Alias("unix_millis", "unixMillis", "unix_millis(ts): milliseconds since the epoch, as BIGINT"),
            new Alias("unix_seconds", "unixSeconds", "unix_seconds(ts): seconds since the epoch, as BIGINT"),
            new Alias("timestamp_millis", "timestampMillis", "timestamp_millis(ms): the UTC timestamp of epoch millis"),
            new Alias("to_json", "toJson", "to_json(x): the JSON text of a MAP, STRUCT or ARRAY column"),
            new Alias("date_add", "dateAdd", "date_add(date, n): the date n days later"),
            new Alias("date_sub", "dateSub", "date_sub(date, n): the date n days earlier"));

    /**
     * Clock functions, rewritten to literals of the emulator's clock: with or without {@code ()},
     * {@code current_timestamp}, {@code now()} become a {@code TIMESTAMP WITH TIME ZONE} literal and
     * {@code current_date} a {@code DATE} literal (UTC).
     */
    public static final List<String> CLOCK_FUNCTIONS = List.of("current_timestamp", "current_date", "now");

    private DatabricksFunctions() {
    }

    /** {@code unix_millis(ts)}. */
    public static Long unixMillis(OffsetDateTime ts) {
        return ts == null ? null : ts.toInstant().toEpochMilli();
    }

    /** {@code unix_seconds(ts)}. */
    public static Long unixSeconds(OffsetDateTime ts) {
        return ts == null ? null : ts.toInstant().getEpochSecond();
    }

    /** {@code timestamp_millis(ms)}. */
    public static OffsetDateTime timestampMillis(Long millis) {
        return millis == null ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    /** {@code to_json(x)}: nested columns are stored as JSON text, which is returned as it is. */
    public static String toJson(String json) {
        return json;
    }

    /** {@code date_add(date, n)}. */
    public static LocalDate dateAdd(LocalDate date, Integer days) {
        return date == null || days == null ? null : date.plusDays(days);
    }

    /** {@code date_sub(date, n)}. */
    public static LocalDate dateSub(LocalDate date, Integer days) {
        return date == null || days == null ? null : date.minusDays(days);
    }
}
