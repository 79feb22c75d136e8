package dev.lakesentry.api.push;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;

/**
 * Ingestion's answer to an accepted push. A repeated push of the same extraction id and checksum is
 * answered with the original receipt and {@code alreadyIngested = true}; nothing is written again.
 *
 * @param extractionId    the extraction id
 * @param accountId       the account
 * @param table           the source table
 * @param recordCount     records in the push
 * @param rowsAppended    raw rows written (0 for an unchanged snapshot)
 * @param checksum        the push's checksum
 * @param status          what was done
 * @param receivedAt      when the push was first accepted
 * @param alreadyIngested whether this answers a repeat of an earlier push
 * @since 0.1.0
 */
public record PushReceipt(
        String extractionId,
        String accountId,
        SystemTable table,
        long recordCount,
        long rowsAppended,
        String checksum,
        ReceiptStatus status,
        Instant receivedAt,
        boolean alreadyIngested) {

    public PushReceipt {
        Checks.notBlank(extractionId, "PushReceipt", "extractionId");
        Checks.notBlank(accountId, "PushReceipt", "accountId");
        Checks.notNull(table, "PushReceipt", "table");
        Checks.notNegative(recordCount, "PushReceipt", "recordCount");
        Checks.notNegative(rowsAppended, "PushReceipt", "rowsAppended");
        Checks.notNull(checksum, "PushReceipt", "checksum");
        Checks.notNull(status, "PushReceipt", "status");
        Checks.notNull(receivedAt, "PushReceipt", "receivedAt");
    }

    /** This receipt as the answer to a repeat. */
    public PushReceipt asRepeat() {
        return new PushReceipt(extractionId, accountId, table, recordCount, rowsAppended, checksum, status,
                receivedAt, true);
    }
}
