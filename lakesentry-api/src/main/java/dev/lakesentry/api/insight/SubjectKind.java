package dev.lakesentry.api.insight;

/**
 * What an insight is about.
 *
 * @since 0.1.0
 */
public enum SubjectKind {
    ACCOUNT, WORKSPACE, TEAM, SKU, WORK_UNIT, CLUSTER, SQL_WAREHOUSE, SERVING_ENDPOINT, JOB
}
