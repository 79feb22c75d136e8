package dev.lakesentry.api.metrics;

/**
 * Who an allocated cost belongs to.
 *
 * @since 0.1.0
 */
public enum OwnerKind {
    /** A team. */
    TEAM,
    /** A named shared bucket (platform overhead, shared storage, …). */
    SHARED_BUCKET,
    /** Nobody: the explicit unattributed bucket. */
    UNATTRIBUTED
}
