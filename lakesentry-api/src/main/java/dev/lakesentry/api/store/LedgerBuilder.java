package dev.lakesentry.api.store;

/**
 * Runs the transformation stage's set-based SQL in the store. Core calls the steps in dependency
 * order for the scope's partitions inside one {@link #inTransaction} block, under the account's stage
 * lock; the store decides how (INSERT … SELECT, MERGE, window functions). Each step, given the
 * partitions that new raw data touched, recomputes exactly the rows a full rebuild would produce
 * differently, so incremental runs and rebuilds agree row for row.
 *
 * @since 0.1.0
 */
public interface LedgerBuilder extends Transactional<LedgerBuilder> {

    /**
     * Recomputes one step for the scope's partitions from the raw layer, replacing what was there.
     *
     * @return the ledger rows written
     */
    long run(LedgerStep step, LedgerScope scope);

    /** Removes every ledger row of the account (and its build mark), for a full rebuild. */
    void truncate(String accountId);

    /**
     * Records that the account's ledger now reflects every extraction up to {@code sequence}; called in
     * the same transaction as the steps, so the mark and the rows land together.
     */
    void markBuiltThrough(String accountId, long sequence);
}
