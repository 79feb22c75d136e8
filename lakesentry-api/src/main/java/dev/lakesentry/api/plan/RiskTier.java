package dev.lakesentry.api.plan;

/**
 * How much review an action needs.
 *
 * @since 0.1.0
 */
public enum RiskTier {
    /** A host policy may approve it (recorded as approver {@code policy:<id>}). */
    AUTO,
    /** A named person must approve it. */
    REVIEW,
    /** Only for a person to carry out by hand; never executed. */
    MANUAL
}
