/**
 * The push format between extraction and ingestion: the system tables, the envelope and its records,
 * the canonical form and checksum every producer and consumer agrees on, receipts, the extraction
 * registry and connector health.
 *
 * @since 0.1.0
 */
package dev.lakesentry.api.push;
