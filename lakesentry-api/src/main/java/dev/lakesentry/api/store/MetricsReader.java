package dev.lakesentry.api.store;

import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.metrics.CostDimension;
import dev.lakesentry.api.metrics.DailyCost;
import dev.lakesentry.api.metrics.SignificanceScore;
import java.time.LocalDate;
import java.util.List;

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
}
