package dev.lakesentry.api.store;

/**
 * A LakeSentry store: hands out one reader and one writer per layer, the stage builders whose
 * set-based SQL runs in the store, and the stage locks. A host builds one (for example the JDBC store) and gives it to the pipeline, which hands each
 * stage exactly the writer of its own layer.
 *
 * @since 0.1.0
 */
public interface Store extends AutoCloseable {

    RawReader rawReader();

    RawWriter rawWriter();

    LedgerReader ledgerReader();

    LedgerWriter ledgerWriter();

    /** The transformation stage's set-based SQL. */
    LedgerBuilder ledgerBuilder();

    MetricsReader metricsReader();

    MetricsWriter metricsWriter();

    /** The analysis stage's set-based rollups. */
    MetricBuilder metricBuilder();

    InsightReader insightReader();

    InsightWriter insightWriter();

    PlanReader planReader();

    PlanWriter planWriter();

    ReviewReader reviewReader();

    ReviewWriter reviewWriter();

    ActionReader actionReader();

    ActionWriter actionWriter();

    StageLocks stageLocks();

    /**
     * The stage run log orchestration writes and {@code status} reads.
     *
     * @throws UnsupportedOperationException when this store keeps no run log
     * @since 0.1.0
     */
    default StageRunLog stageRunLog() {
        throw new UnsupportedOperationException("The store " + describe() + " keeps no stage run log; the scheduler"
                + " and the run-recording entry points need one (the JDBC store has it)");
    }

    /** Collector tokens (hashes only). */
    TokenStore tokens();

    /** A one-line description for logs, e.g. the JDBC URL with any password masked. */
    String describe();

    /** Releases the store's resources (connection pool, files). */
    @Override
    void close();
}
