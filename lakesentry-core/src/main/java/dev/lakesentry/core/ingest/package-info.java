/**
 * The ingestion stage: authenticates collector tokens, validates pushes and appends them whole to the
 * raw layer, the only layer it writes.
 */
package dev.lakesentry.core.ingest;
