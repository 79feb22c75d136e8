/**
 * The insights layer: what a detector found, with its type, severity, subject, window, estimated
 * monthly impact and the evidence behind it, and the status derived from review events.
 *
 * @since 0.1.0
 */
package dev.lakesentry.api.insight;
