package dev.lakesentry.api.store;

/**
 * A LakeSentry store: hands out one reader and one writer per layer and the stage locks. (The stage
 * builders, {@link LedgerBuilder} and {@link MetricBuilder}, are handed out by the stores that
 * implement the transformation and analysis SQL.) A host builds one (for example the JDBC store) and gives it to the pipeline, which hands each
 * stage exactly the writer of its own layer.
 *
 * @since 0.1.0
 */
public interface Store extends AutoCloseable {

    RawReader rawReader();

    RawWriter rawWriter();

    LedgerReader ledgerReader();

    LedgerWriter ledgerWriter();

    MetricsReader metricsReader();

    MetricsWriter metricsWriter();

    InsightReader insightReader();

    InsightWriter insightWriter();

    PlanReader planReader();

    PlanWriter planWriter();

    ReviewReader reviewReader();

    ReviewWriter reviewWriter();

    ActionReader actionReader();

    ActionWriter actionWriter();

    StageLocks stageLocks();

    /** Collector tokens (hashes only). */
    TokenStore tokens();

    /** A one-line description for logs, e.g. the JDBC URL with any password masked. */
    String describe();

    /** Releases the store's resources (connection pool, files). */
    @Override
    void close();
}
