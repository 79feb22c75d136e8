package dev.lakesentry.api.plan;

/**
 * The kind of resource an action targets.
 *
 * @since 0.1.0
 */
public enum TargetKind {
    CLUSTER, SQL_WAREHOUSE, JOB, SERVING_ENDPOINT
}
