package dev.lakesentry.api.ledger;

/**
 * The kinds of work the ledger groups cost under.
 *
 * @since 0.1.0
 */
public enum WorkUnitType {
    JOB, PIPELINE, SQL_WAREHOUSE, SERVING_ENDPOINT, INTERACTIVE_CLUSTER
}
