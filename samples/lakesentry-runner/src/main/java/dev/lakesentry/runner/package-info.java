/**
 * The sample command-line runner: its entry point, global options, the store session and one-line errors.
 */
package dev.lakesentry.runner;
