/**
 * Built-in action executors over databricks-sdk-java, as plugins. Content arrives with the execution issue.
 */
package dev.lakesentry.executors;
