package dev.lakesentry.api.store;

/**
 * The set-based metric rollups the store computes for a partition.
 *
 * @since 0.1.0
 */
public enum MetricStep {
    /** Daily cost by workspace, SKU, product and work unit, from the ledger. */
    DAILY_COST,
    /** Daily cost by team, from the allocations. */
    DAILY_TEAM_COST,
    /** Cluster utilisation per day. */
    CLUSTER_UTILISATION,
    /** Query analytics per warehouse and day. */
    QUERY_ANALYTICS
}
