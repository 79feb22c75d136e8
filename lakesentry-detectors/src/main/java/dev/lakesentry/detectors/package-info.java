/**
 * Built-in anomaly and waste detectors, as plugins over the API. Content arrives with the analysis issues.
 */
package dev.lakesentry.detectors;
