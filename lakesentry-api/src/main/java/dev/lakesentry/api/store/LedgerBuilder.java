package dev.lakesentry.api.store;

/**
 * Runs the transformation stage's set-based SQL in the store. Core calls the steps in dependency
 * order for the scope's partitions inside one {@link #inTransaction} block, under the account's stage
 * lock; the store decides how (INSERT … SELECT, MERGE, window functions).
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

    /** Removes every ledger row of the account, for a full rebuild. */
    void truncate(String accountId);
}
