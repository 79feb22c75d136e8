/**
 * Plugin discovery and registration: {@link dev.lakesentry.core.plugin.PluginRegistry}, the only place
 * that uses {@link java.util.ServiceLoader}.
 */
package dev.lakesentry.core.plugin;
