/**
 * Durable collector state: checkpoints per connector and table and the saved batches awaiting acknowledgement, in files or a JDBC table.
 */
package dev.lakesentry.collector.checkpoint;
