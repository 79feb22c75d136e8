package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;

/**
 * Receives generated rows as they are made, so the large profile never holds them all in memory.
 * Rows of the account-wide reference tables (list prices, node types, workspaces) come first, then
 * each workspace's rows in turn; within a workspace, each entity's rows come in time order. The order
 * is deterministic for a given config.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RowSink {
    /** Takes one row of a table; the row holds exactly the table's columns. */
    void accept(SystemTable table, SourceRecord row);
}
