/**
 * Push clients that hand saved batches to ingestion, in process or over HTTP, and the retry policy they share with the reader.
 */
package dev.lakesentry.collector.push;
