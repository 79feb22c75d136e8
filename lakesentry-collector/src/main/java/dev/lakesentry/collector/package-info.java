/**
 * Extraction: a connector reads the Databricks system tables through the SQL Statement Execution API, saves each batch, pushes it and advances its checkpoints once ingestion acknowledged the push.
 */
package dev.lakesentry.collector;
