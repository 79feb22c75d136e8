/**
 * The built-in action executors over databricks-sdk-java, one per action type, each with the provider
 * {@link java.util.ServiceLoader} finds.
 */
package dev.lakesentry.executors;
