package dev.lakesentry.api.store;

import dev.lakesentry.api.push.Extraction;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.ReceiptStatus;
import dev.lakesentry.api.push.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;

/**
 * Appends to the raw layer. Raw tables are append-only: there is no update and no delete.
 *
 * @since 0.1.0
 */
public interface RawWriter extends Transactional<RawWriter> {

    /**
     * Registers the extraction, appends all its records and enqueues its touched usage days for
     * transformation, in one transaction. With {@link ReceiptStatus#SNAPSHOT_UNCHANGED} only the registry
     * entry is written. The registry is the transformation queue: an entry is pending until the ledger
     * has been built past its sequence, so a restart loses nothing.
     *
     * @param touchedDays the usage days the records belong to (empty for snapshots)
     * @return the registry entry, with its sequence
     * @throws DuplicateExtractionException if the extraction id is registered already; nothing is written
     * @throws dev.lakesentry.api.StoreException when the store fails; nothing is written
     */
    Extraction append(PushEnvelope envelope, ReceiptStatus status, Instant receivedAt, SortedSet<LocalDate> touchedDays);

    /** Records a refused push, for connector health. */
    void recordRejection(Rejection rejection);
}
