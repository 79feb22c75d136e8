package dev.lakesentry.api.push;

/**
 * What ingestion did with a push.
 *
 * @since 0.1.0
 */
public enum ReceiptStatus {
    /** The records were appended to the raw layer. */
    APPENDED,
    /** A snapshot identical to the table's previous snapshot: recorded, rows not appended again. */
    SNAPSHOT_UNCHANGED
}
