package dev.lakesentry.api.push;

/**
 * How a system table is extracted.
 *
 * @since 0.1.0
 */
public enum ExtractionMode {
    /** Read from a watermark with an overlap window; pushes carry the watermark range. */
    INCREMENTAL,
    /** Small reference tables read whole every run. */
    SNAPSHOT
}
