package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;

/**
 * A cluster's utilisation in one hour, from the node timeline: average and 95th-percentile CPU
 * (user + system, nearest-rank percentile over the minute samples of all nodes), average memory, and
 * the most nodes seen in a minute.
 *
 * @since 0.1.0
 */
public record HourlyUtilisation(String accountId, String workspaceId, String clusterId, Instant hour,
                                double avgCpuPercent, double p95CpuPercent, double avgMemoryPercent,
                                int nodeCount, int samples) {
    public HourlyUtilisation {
        Checks.notBlank(accountId, "HourlyUtilisation", "accountId");
        Checks.notBlank(workspaceId, "HourlyUtilisation", "workspaceId");
        Checks.notBlank(clusterId, "HourlyUtilisation", "clusterId");
        Checks.notNull(hour, "HourlyUtilisation", "hour");
        if (hour.getEpochSecond() % 3600 != 0 || hour.getNano() != 0) {
            throw new IllegalArgumentException("HourlyUtilisation.hour must be the start of an hour, was " + hour);
        }
        Checks.percent(avgCpuPercent, "HourlyUtilisation", "avgCpuPercent");
        Checks.percent(p95CpuPercent, "HourlyUtilisation", "p95CpuPercent");
        Checks.percent(avgMemoryPercent, "HourlyUtilisation", "avgMemoryPercent");
        Checks.notNegative(nodeCount, "HourlyUtilisation", "nodeCount");
        Checks.notNegative(samples, "HourlyUtilisation", "samples");
    }
}
