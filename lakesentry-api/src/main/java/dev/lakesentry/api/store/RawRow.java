package dev.lakesentry.api.store;

import dev.lakesentry.api.internal.Checks;
import dev.lakesentry.api.push.SourceRecord;

/**
 * A row of the raw layer: the source record as it arrived, the extraction that brought it and that
 * extraction's ingestion sequence (which decides the latest copy per natural key).
 *
 * @since 0.1.0
 */
public record RawRow(String extractionId, long sequence, SourceRecord record) {
    public RawRow {
        Checks.notBlank(extractionId, "RawRow", "extractionId");
        Checks.notNegative(sequence, "RawRow", "sequence");
        Checks.notNull(record, "RawRow", "record");
    }
}
