/** Orchestration: the stage runner that locks and records every stage run, and the db-scheduler that runs them on schedule. */
package dev.lakesentry.core.schedule;
