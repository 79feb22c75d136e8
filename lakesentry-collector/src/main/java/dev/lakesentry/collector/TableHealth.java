package dev.lakesentry.collector;

import dev.lakesentry.api.push.SystemTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The collector's own view of one table's health (the host's view comes from ingestion).
 *
 * @param table            the table
 * @param lastSuccessAt    when its last successful extraction finished, or {@code null}
 * @param lastExtractionId the last extraction id acknowledged, or {@code null}
 * @param rows             rows read by the last successful extraction
 * @param watermark        the checkpoint watermark, or {@code null}
 * @param lag              the last successful extraction's as-of time minus the watermark, or {@code null}
 * @param lastError        the last failure's message, or {@code null}
 * @param lastErrorAt      when it happened, or {@code null}
 * @param failing          whether the latest attempt failed
 * @since 0.1.0
 */
public record TableHealth(SystemTable table, Instant lastSuccessAt, String lastExtractionId, long rows,
                          Instant watermark, Duration lag, String lastError, Instant lastErrorAt, boolean failing) {

    /** The state of a table at a glance. */
    public enum Status {
        /** Never collected successfully and never failed. */
        NEW,
        /** The last attempt succeeded. */
        HEALTHY,
        /** The last attempt failed. */
        FAILING
    }

    public TableHealth {
        Objects.requireNonNull(table, "table");
    }

    /** A table never attempted. */
    static TableHealth initial(SystemTable table) {
        return new TableHealth(table, null, null, 0, null, null, null, null, false);
    }

    /** The state at a glance. */
    public Status status() {
        if (failing) {
            return Status.FAILING;
        }
        return lastSuccessAt == null ? Status.NEW : Status.HEALTHY;
    }

    TableHealth succeeded(Instant at, String extractionId, long rowsRead, Instant newWatermark, Duration newLag) {
        return new TableHealth(table, at, extractionId == null ? lastExtractionId : extractionId, rowsRead, newWatermark,
                newLag, lastError, lastErrorAt, false);
    }

    TableHealth failed(Instant at, String error) {
        return new TableHealth(table, lastSuccessAt, lastExtractionId, rows, watermark, lag, error, at, true);
    }
}
