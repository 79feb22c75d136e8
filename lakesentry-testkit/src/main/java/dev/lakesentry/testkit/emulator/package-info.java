/**
 * An in-process emulator of the Databricks REST API (SQL statements over system tables, clusters, SQL warehouses
 * and jobs) that the real {@code databricks-sdk-java} talks to over HTTP, with a call log and fault injection.
 */
package dev.lakesentry.testkit.emulator;
