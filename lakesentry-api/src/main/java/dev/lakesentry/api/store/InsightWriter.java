package dev.lakesentry.api.store;

import dev.lakesentry.api.insight.Insight;
import java.util.List;

/**
 * Writes insights. An insight with an id already stored replaces it (ids are derived from type,
 * subject and window, so re-detection updates, never duplicates).
 *
 * @since 0.1.0
 */
public interface InsightWriter extends Transactional<InsightWriter> {

    void upsert(List<Insight> insights);

    /**
     * Records that a detector ran for the account as of {@code asOf}; an insight of that detector found
     * earlier but not by this run counts as resolved.
     */
    void recordRun(String accountId, String detectorId, java.time.Instant asOf);

    /** Removes every insight of the account, for a full rebuild. Review events are kept. */
    void truncate(String accountId);
}
