package dev.lakesentry.api.insight;

/**
 * How much an insight matters, from low to critical.
 *
 * @since 0.1.0
 */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
