package dev.lakesentry.api.ledger;

/**
 * The billing record types. Correct totals sum all three.
 *
 * @since 0.1.0
 */
public enum RecordType {
    ORIGINAL, RETRACTION, RESTATEMENT
}
