package dev.lakesentry.api.metrics;

/**
 * Badges a significance score can earn.
 *
 * @since 0.1.0
 */
public enum Badge {
    /** Score of 45 or more. */
    TOP_SPENDER,
    /** Cost up more than 15 % on the prior period. */
    GROWING,
    /** Average run over 30 minutes. */
    LONG_RUNNING
}
