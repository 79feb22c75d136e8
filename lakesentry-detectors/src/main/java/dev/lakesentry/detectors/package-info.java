/**
 * Built-in anomaly and waste detectors, each an immutable {@code Detector} created by a {@code DetectorProvider} found through {@code ServiceLoader}.
 */
package dev.lakesentry.detectors;
