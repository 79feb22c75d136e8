/**
 * The published test kit: synthetic account generator, Databricks REST emulator and contract tests. Content arrives with the test kit issue.
 */
package dev.lakesentry.testkit;
