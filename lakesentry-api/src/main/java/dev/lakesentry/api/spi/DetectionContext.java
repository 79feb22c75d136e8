package dev.lakesentry.api.spi;

import dev.lakesentry.api.store.InsightReader;
import dev.lakesentry.api.store.LedgerReader;
import dev.lakesentry.api.store.MetricsReader;
import java.time.Instant;

/**
 * What a detector may read: the ledger and metrics of one account, read-only, and the as-of time
 * every time-relative rule measures from.
 *
 * @since 0.1.0
 */
public interface DetectionContext {

    /** The account analysed. */
    String accountId();

    /** The as-of time: the data's own latest time unless the host chose another; never the wall clock. */
    Instant asOf();

    /** The ledger, read-only. */
    LedgerReader ledger();

    /** The metrics, read-only. */
    MetricsReader metrics();

    /** Insights stored by earlier runs, read-only (to keep past anomalies out of a baseline). */
    default InsightReader previousInsights() {
        throw new UnsupportedOperationException("This context offers no previous insights");
    }
}
