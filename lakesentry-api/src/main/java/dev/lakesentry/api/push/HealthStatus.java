package dev.lakesentry.api.push;

/**
 * How fresh a connector's data is.
 *
 * @since 0.1.0
 */
public enum HealthStatus {
    /** Pushes arrive within the configured lag. */
    HEALTHY,
    /** No push within the configured lag. */
    LAGGING,
    /** The latest push was refused. */
    FAILING
}
