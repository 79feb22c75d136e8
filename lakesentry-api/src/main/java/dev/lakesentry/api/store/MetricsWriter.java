package dev.lakesentry.api.store;

import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.metrics.DailyCost;
import dev.lakesentry.api.metrics.SignificanceScore;
import dev.lakesentry.api.stage.Partition;
import java.time.Instant;
import java.util.List;

/**
 * Writes metrics computed in Java. Each call replaces what it covers atomically.
 *
 * @since 0.1.0
 */
public interface MetricsWriter extends Transactional<MetricsWriter> {

    /** Replaces the partition's allocations. */
    void replaceAllocations(Partition partition, List<CostAllocation> allocations);

    /** Replaces the partition's daily costs of the dimensions present in {@code costs}. */
    void replaceDailyCosts(Partition partition, List<DailyCost> costs);

    /** Replaces the account's scores with those of the run as of {@code asOf}. */
    void replaceScores(String accountId, Instant asOf, List<SignificanceScore> scores);

    /** Removes every metric row of the account, and its attribution mark, for a full rebuild. */
    void truncate(String accountId);

    /**
     * Records that the account's attribution and metric rollups are complete through the ledger build mark
     * {@code sequence}. A store that keeps the mark overrides this together with
     * {@link MetricsReader#attributedThroughSequence}; orchestration calls it only when that returns a value.
     *
     * @throws UnsupportedOperationException by default: the store keeps no mark
     * @since 0.1.0
     */
    default void markAttributedThrough(String accountId, long sequence) {
        throw new UnsupportedOperationException("This store keeps no attribution mark");
    }
}
