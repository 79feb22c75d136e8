package dev.lakesentry.collector.checkpoint;

import dev.lakesentry.api.push.SystemTable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far one connector has read one table, as acknowledged by ingestion.
 *
 * @param connectorId  the connector
 * @param table        the table
 * @param watermark    the highest watermark value acknowledged (dates as the start of their UTC day), or
 *                     {@code null} for snapshot tables
 * @param extractionId the last acknowledged extraction
 * @param updatedAt    when it was acknowledged
 * @since 0.1.0
 */
public record Checkpoint(String connectorId, SystemTable table, Instant watermark, String extractionId,
                         Instant updatedAt) {
    public Checkpoint {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(extractionId, "extractionId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The watermark, empty for snapshot tables. */
    public Optional<Instant> watermarkValue() {
        return Optional.ofNullable(watermark);
    }

    /** The checkpoint after acknowledging {@code batch}: the watermark never moves back. */
    public static Checkpoint advance(Checkpoint current, SavedBatch batch, Instant at) {
        Instant w = current == null ? null : current.watermark();
        Instant to = batch.advancesTo();
        Instant next = w == null ? to : to == null ? w : (to.isAfter(w) ? to : w);
        return new Checkpoint(batch.connectorId(), batch.table(), next, batch.extractionId(), at);
    }
}
