package dev.lakesentry.api.push;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * An entry of the extraction registry: one accepted push, as the raw layer keeps it.
 *
 * @param extractionId the extraction id (unique)
 * @param connectorId  the connector that pushed it
 * @param accountId    the account
 * @param table        the source table
 * @param mode         incremental or snapshot
 * @param watermark    the range covered, {@code null} for snapshots
 * @param schemaVersion the push format version
 * @param recordCount  records in the push
 * @param rowsAppended raw rows written
 * @param checksum     the push's checksum
 * @param status       what was done with it
 * @param receivedAt   when ingestion accepted it
 * @param sequence     the store's ingestion order: a strictly increasing number per store, which
 *                     decides "the latest extraction" deterministically
 * @since 0.1.0
 */
public record Extraction(
        String extractionId,
        String connectorId,
        String accountId,
        SystemTable table,
        ExtractionMode mode,
        WatermarkRange watermark,
        int schemaVersion,
        long recordCount,
        long rowsAppended,
        String checksum,
        ReceiptStatus status,
        Instant receivedAt,
        long sequence) {

    public Extraction {
        Checks.notBlank(extractionId, "Extraction", "extractionId");
        Checks.notBlank(connectorId, "Extraction", "connectorId");
        Checks.notBlank(accountId, "Extraction", "accountId");
        Checks.notNull(table, "Extraction", "table");
        Checks.notNull(mode, "Extraction", "mode");
        Checks.notNegative(recordCount, "Extraction", "recordCount");
        Checks.notNegative(rowsAppended, "Extraction", "rowsAppended");
        Checks.notNull(checksum, "Extraction", "checksum");
        Checks.notNull(status, "Extraction", "status");
        Checks.notNull(receivedAt, "Extraction", "receivedAt");
        Checks.notNegative(sequence, "Extraction", "sequence");
    }

    /** The watermark range, empty for snapshots. */
    public Optional<WatermarkRange> watermarkRange() {
        return Optional.ofNullable(watermark);
    }

    /** The receipt this registry entry answers a push with. */
    public PushReceipt receipt() {
        return new PushReceipt(extractionId, accountId, table, recordCount, rowsAppended, checksum, status,
                receivedAt, false);
    }
}
