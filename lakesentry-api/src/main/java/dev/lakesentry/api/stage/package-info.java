/**
 * The pipeline's stages and layers, the partition a stage run covers, and the result every run records.
 *
 * @since 0.1.0
 */
package dev.lakesentry.api.stage;
