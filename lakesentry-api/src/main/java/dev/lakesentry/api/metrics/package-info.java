/**
 * The metrics layer: cost allocations to teams with their rule and confidence, daily cost rollups by
 * dimension, and significance scores of work units. Built from the ledger alone.
 *
 * @since 0.1.0
 */
package dev.lakesentry.api.metrics;
