package dev.lakesentry.api.store;

import dev.lakesentry.api.stage.Partition;

/**
 * Runs the analysis stage's set-based rollups in the store, per partition.
 *
 * @since 0.1.0
 */
public interface MetricBuilder extends Transactional<MetricBuilder> {

    /**
     * Recomputes one rollup for the partition, replacing what was there.
     *
     * @return the metric rows written
     */
    long run(MetricStep step, Partition partition);
}
