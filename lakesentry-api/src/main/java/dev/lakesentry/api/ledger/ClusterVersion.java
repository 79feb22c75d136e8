package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;
import java.util.Map;

/**
 * One configuration version of a cluster, valid from {@code validFrom} until {@code validTo}
 * (exclusive; {@code null} for the current version). Fixed-size clusters have a {@code workerCount};
 * autoscaling ones a min and max.
 *
 * @since 0.1.0
 */
public record ClusterVersion(String accountId, String workspaceId, String clusterId, String clusterName,
                             String owner, Instant validFrom, Instant validTo, Long workerCount,
                             Long minAutoscaleWorkers, Long maxAutoscaleWorkers, String driverNodeType,
                             String workerNodeType, Long autoTerminationMinutes, String clusterSource,
                             Map<String, String> tags, Instant createTime, Instant deleteTime) {
    public ClusterVersion {
        Checks.notBlank(accountId, "ClusterVersion", "accountId");
        Checks.notBlank(workspaceId, "ClusterVersion", "workspaceId");
        Checks.notBlank(clusterId, "ClusterVersion", "clusterId");
        Checks.notNull(validFrom, "ClusterVersion", "validFrom");
        Checks.ordered(validFrom, validTo, "ClusterVersion", "validFrom", "validTo");
        if (workerCount != null) {
            Checks.notNegative(workerCount, "ClusterVersion", "workerCount");
        }
        if (minAutoscaleWorkers != null && maxAutoscaleWorkers != null && maxAutoscaleWorkers < minAutoscaleWorkers) {
            throw new IllegalArgumentException("ClusterVersion.maxAutoscaleWorkers (" + maxAutoscaleWorkers
                    + ") must not be below minAutoscaleWorkers (" + minAutoscaleWorkers + ")");
        }
        tags = Checks.stringMap(tags, "ClusterVersion", "tags");
    }

    /** Whether the cluster autoscales in this version. */
    public boolean autoscales() {
        return maxAutoscaleWorkers != null;
    }

    /** Whether this is an all-purpose (interactive) cluster: created from the UI or the API. */
    public boolean allPurpose() {
        return "UI".equals(clusterSource) || "API".equals(clusterSource);
    }
}
