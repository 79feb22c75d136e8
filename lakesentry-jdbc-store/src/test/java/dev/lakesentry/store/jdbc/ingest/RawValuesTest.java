package dev.lakesentry.store.jdbc.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lakesentry.api.push.ColumnType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The formatter-free fast paths read exactly what the general ISO-8601 path reads, and refuse the same. */
class RawValuesTest {

    @ParameterizedTest
    @CsvSource({
            "2025-01-01T00:00:00Z, 2025-01-01T00:00:00Z",
            "2025-01-01T13:45:59.999Z, 2025-01-01T13:45:59.999Z",
            "2025-01-01 13:45:59.123456, 2025-01-01T13:45:59.123456Z",
            "2025-01-01T13:45:59.1+00:00, 2025-01-01T13:45:59.100Z",
            "2025-01-01T13:45:59.123456789z, 2025-01-01T13:45:59.123456789Z",
            "2024-02-29T23:59:59, 2024-02-29T23:59:59Z",
            "2025-01-01T13:45:59+02:00, 2025-01-01T11:45:59Z",
            "2025-01-01T13:45:59.5-01:30, 2025-01-01T15:15:59.500Z",
            "2025-01-01, 2025-01-01T00:00:00Z"})
    void readsIsoTimestamps(String text, String expected) {
        assertEquals(Instant.parse(expected), RawValues.instant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2025-01-01T25:00:00Z",
            "2025-01-01T00:60:00Z", "2025-01-01T00:00:00.1234567891Z", "2025-0a-01T00:00:00Z",
            "2025-01-01T00:00:00ZZ", "yesterday"})
    void refusesWhatIsNotATimestamp(String text) {
        assertThrows(DateTimeException.class, () -> RawValues.instant(text));
    }

    @Test
    void readsDates() {
        assertEquals(LocalDate.of(2025, 3, 9), RawValues.convert("2025-03-09", ColumnType.DATE));
        assertEquals(LocalDate.of(2025, 3, 9), RawValues.convert("2025-03-09T10:00:00Z", ColumnType.DATE));
        assertThrows(DateTimeException.class, () -> RawValues.convert("2025-02-30", ColumnType.DATE));
        assertThrows(DateTimeException.class, () -> RawValues.convert("2025-3-09", ColumnType.DATE));
    }

    @Test
    void parsesNestedJsonTextOncePerRecordWithTheSameResult() {
        Map<String, Object> values = Map.of("usage_metadata", "{\"cluster_id\":\"c-1\",\"job_id\":\"42\"}");
        Map<String, Object> parsed = new HashMap<>();
        RawTables.RawColumn cluster = column("cluster_id");
        RawTables.RawColumn job = column("job_id");
        assertEquals("c-1", RawValues.extract(values, cluster, parsed));
        assertEquals("42", RawValues.extract(values, job, parsed));
        assertEquals(1, parsed.size());
        assertEquals("42", RawValues.extract(values, job));
    }

    private static RawTables.RawColumn column(String name) {
        List<RawTables.RawColumn> typed = RawTables.typedColumns(dev.lakesentry.api.push.SystemTable.BILLING_USAGE);
        return typed.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
