package dev.lakesentry.api.metrics;

/**
 * How sure an allocation is.
 *
 * @since 0.1.0
 */
public enum Confidence {
    /** Matched by a direct id or tag. */
    EXACT,
    /** From query or notebook metadata. */
    STRONG,
    /** A time-share split of shared compute. */
    ESTIMATED,
    /** No rule and no fallback matched: the explicit unattributed bucket. */
    UNATTRIBUTED
}
