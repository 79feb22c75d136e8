package dev.lakesentry.api.store;

import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.metrics.CostDimension;
import dev.lakesentry.api.metrics.DailyCost;
import dev.lakesentry.api.metrics.SignificanceScore;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the metrics layer, scoped to one account; date ranges inclusive.
 *
 * @since 0.1.0
 */
public interface MetricsReader {

    List<CostAllocation> allocations(String accountId, LocalDate from, LocalDate to);

    List<DailyCost> dailyCosts(String accountId, CostDimension dimension, LocalDate from, LocalDate to);

    /** The scores of the latest scoring run. */
    List<SignificanceScore> latestScores(String accountId);

    /**
     * The ledger build mark ({@link LedgerReader#builtThroughSequence}) through which the account's attribution
     * and metric rollups are complete, as last recorded by {@link MetricsWriter#markAttributedThrough}; 0 when
     * none was. Orchestration compares it with the ledger's mark, so days a transformation committed are
     * attributed even when the run log never recorded that transformation.
     *
     * @return the mark, or empty when the store does not keep one (the default; then pending attribution is
     *         read from the run log alone)
     * @since 0.1.0
     */
    default OptionalLong attributedThroughSequence(String accountId) {
        return OptionalLong.empty();
    }
}
