/** The store's operations tables: the stage run log that orchestration writes and status reads. */
package dev.lakesentry.store.jdbc.ops;
