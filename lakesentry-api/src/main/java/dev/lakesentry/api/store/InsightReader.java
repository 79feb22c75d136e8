package dev.lakesentry.api.store;

import dev.lakesentry.api.insight.Insight;
import java.util.List;
import java.util.Optional;

/**
 * Reads insights, scoped to one account.
 *
 * @since 0.1.0
 */
public interface InsightReader {

    Optional<Insight> insight(String accountId, String insightId);

    /** The account's insights, by id. */
    List<Insight> insights(String accountId);

    /** The as-of time of the detector's latest run for the account, if it ever ran. */
    Optional<java.time.Instant> latestRun(String accountId, String detectorId);
}
