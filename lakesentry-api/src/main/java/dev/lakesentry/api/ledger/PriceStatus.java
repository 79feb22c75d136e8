package dev.lakesentry.api.ledger;

/**
 * Whether a usage line item could be priced. Unpriced usage is kept and counted, never dropped.
 *
 * @since 0.1.0
 */
public enum PriceStatus {
    /** Exactly one list price was valid for the SKU, cloud, currency and unit at that hour. */
    PRICED,
    /** No list price matched. */
    NO_PRICE,
    /** More than one list price matched (overlapping price periods); not priced to avoid double counting. */
    AMBIGUOUS_PRICE
}
