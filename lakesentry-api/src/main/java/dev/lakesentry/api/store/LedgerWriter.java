package dev.lakesentry.api.store;

import dev.lakesentry.api.stage.Partition;

/**
 * Writes ledger rows computed in Java. Each call replaces what it covers atomically, so a stage can
 * re-run a partition idempotently.
 *
 * @since 0.1.0
 */
public interface LedgerWriter extends Transactional<LedgerWriter> {

    /** Replaces the account's undated ledger entities with these. */
    void replaceReference(String accountId, LedgerReference reference);

    /**
     * Replaces the partition's dated ledger rows with these.
     *
     * @throws IllegalArgumentException naming the row when one lies outside the partition or account
     */
    void replacePartition(Partition partition, LedgerActivity activity);

    /** Removes every ledger row of the account, for a full rebuild. */
    void truncate(String accountId);
}
