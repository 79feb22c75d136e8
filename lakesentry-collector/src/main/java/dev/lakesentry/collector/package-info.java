/**
 * Extraction: reads the system tables through the SQL Statement Execution API, checkpoints, saves batches and pushes them. Content arrives with the extraction issue.
 */
package dev.lakesentry.collector;
