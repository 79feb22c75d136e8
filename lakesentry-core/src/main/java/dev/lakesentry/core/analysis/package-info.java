/**
 * The analysis stage: cost attribution to teams by rules, metric rollups, significance scoring,
 * detection and action plans; it writes only the metrics, insights and plans layers.
 */
package dev.lakesentry.core.analysis;
