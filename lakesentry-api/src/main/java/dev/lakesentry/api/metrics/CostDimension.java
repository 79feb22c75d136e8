package dev.lakesentry.api.metrics;

/**
 * What a daily cost rollup groups by.
 *
 * @since 0.1.0
 */
public enum CostDimension {
    TEAM, WORKSPACE, SKU, PRODUCT, WORK_UNIT
}
