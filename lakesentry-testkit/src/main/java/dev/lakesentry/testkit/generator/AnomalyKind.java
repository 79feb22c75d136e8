package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.insight.InsightType;

/**
 * The kinds of labelled behaviour in the truth, each with the insight type a detector should report
 * for it. Several kinds share a type: sudden and gradual spikes and runaway runs are all spend anomalies.
 *
 * @since 0.1.0
 */
public enum AnomalyKind {
    /** One day's spend of a job several times its usual (a backfill). */
    SUDDEN_SPEND_SPIKE(InsightType.SPEND_ANOMALY),
    /** A job's spend ramps up over days, holds, then falls back. */
    GRADUAL_SPEND_SPIKE(InsightType.SPEND_ANOMALY),
    /** One job run that lasts many times the usual duration and then times out. */
    RUNAWAY_JOB_RUN(InsightType.SPEND_ANOMALY),
    /**
     * A resource's daily spend steps up and stays up after a configuration change: a SQL warehouse's
     * auto-stop set to 0, or an all-purpose cluster's auto-termination turned off. Labelled on the
     * resource for the two weeks from the change; {@code details.material} says whether the step is at least
     * 50 a day in the price's currency on the resource itself (the spend detectors' smallest increase).
     */
    SPEND_LEVEL_SHIFT(InsightType.SPEND_ANOMALY),
    /** A job's runs take much longer from a point on. */
    JOB_DURATION_REGRESSION(InsightType.JOB_DURATION_REGRESSION),
    /** A job's failure rate jumps from a point on. */
    FAILURE_RATE_JUMP(InsightType.JOB_FAILURE_RATE_JUMP),
    /** An all-purpose cluster running with CPU under 5 % for at least {@link Behaviour#idleMinHours()}. */
    IDLE_CLUSTER(InsightType.IDLE_CLUSTER),
    /** An all-purpose cluster with more workers than its load needs. */
    OVERSIZED_CLUSTER(InsightType.OVERSIZED_CLUSTER),
    /** An all-purpose cluster whose auto-termination is disabled (0) or over 120 minutes. */
    AUTO_TERMINATION_DISABLED(InsightType.AUTO_TERMINATION_DISABLED),
    /** A serving endpoint billed around the clock that receives no requests. */
    ZOMBIE_SERVING_ENDPOINT(InsightType.ZOMBIE_SERVING_ENDPOINT),
    /** A SQL warehouse running with no query for at least {@link Behaviour#idleMinHours()}. */
    IDLE_WAREHOUSE(InsightType.IDLE_WAREHOUSE);

    private final InsightType insightType;

    AnomalyKind(InsightType insightType) {
        this.insightType = insightType;
    }

    /** The insight type a detector should report for this kind. */
    public InsightType insightType() {
        return insightType;
    }
}
