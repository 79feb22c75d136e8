/**
 * The synthetic Databricks account generator: deterministic system-table rows from a seed and a profile, with labelled truth.
 */
package dev.lakesentry.testkit.generator;
