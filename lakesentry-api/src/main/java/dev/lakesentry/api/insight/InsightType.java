package dev.lakesentry.api.insight;

import dev.lakesentry.api.internal.Checks;

/**
 * The type of an insight. Built-in types are constants here; a plugin may define its own, written in
 * lower-case kebab case ({@code untagged-spend}).
 *
 * @param value the type's name
 * @since 0.1.0
 */
public record InsightType(String value) {
    public static final InsightType SPEND_ANOMALY = new InsightType("spend-anomaly");
    public static final InsightType JOB_DURATION_REGRESSION = new InsightType("job-duration-regression");
    public static final InsightType JOB_FAILURE_RATE_JUMP = new InsightType("job-failure-rate-jump");
    public static final InsightType IDLE_CLUSTER = new InsightType("idle-cluster");
    public static final InsightType OVERSIZED_CLUSTER = new InsightType("oversized-cluster");
    public static final InsightType AUTO_TERMINATION_DISABLED = new InsightType("auto-termination-disabled");
    public static final InsightType ZOMBIE_SERVING_ENDPOINT = new InsightType("zombie-serving-endpoint");
    public static final InsightType IDLE_WAREHOUSE = new InsightType("idle-warehouse");
    public static final InsightType WEEKEND_SPEND = new InsightType("weekend-spend");
    public static final InsightType ORPHANED_RESOURCE = new InsightType("orphaned-resource");

    public InsightType {
        Checks.notBlank(value, "InsightType", "value");
        if (!value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("InsightType.value must be lower-case kebab case like 'idle-cluster', was '"
                    + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
