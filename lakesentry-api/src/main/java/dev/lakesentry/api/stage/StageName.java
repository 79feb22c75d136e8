package dev.lakesentry.api.stage;

import java.util.List;
import java.util.Set;

/**
 * The stages a run can be recorded and locked for. Analysis is split into the parts that run on
 * their own schedules.
 *
 * @since 0.1.0
 */
public enum StageName {
    EXTRACTION(Set.of()),
    INGESTION(Set.of(Layer.RAW)),
    TRANSFORMATION(Set.of(Layer.LEDGER)),
    /** Attribution and metric rollups, after each transformation. */
    ATTRIBUTION(Set.of(Layer.METRICS)),
    /** Anomaly and waste detection. */
    DETECTION(Set.of(Layer.INSIGHTS)),
    /** Significance scoring. */
    SCORING(Set.of(Layer.METRICS)),
    /** Action plans from insights. */
    PLANNING(Set.of(Layer.PLANS)),
    EXECUTION(Set.of(Layer.ACTIONS));

    private final Set<Layer> writes;

    StageName(Set<Layer> writes) {
        this.writes = writes;
    }

    /** The layers this stage may write; extraction writes only its own checkpoints, outside the store. */
    public Set<Layer> writes() {
        return writes;
    }

    /** The stages that run after ingestion, in dependency order. */
    public static List<StageName> pipelineOrder() {
        return List.of(TRANSFORMATION, ATTRIBUTION, DETECTION, SCORING, PLANNING, EXECUTION);
    }
}
