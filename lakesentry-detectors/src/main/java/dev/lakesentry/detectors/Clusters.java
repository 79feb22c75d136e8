package dev.lakesentry.detectors;

import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.ledger.ClusterVersion;
import dev.lakesentry.api.ledger.HourlyUtilisation;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.spi.DetectionContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the cluster detectors share: cluster versions, hourly utilisation and priced usage per cluster
 * (keyed {@code workspace:cluster}), idle streaks, and cost per hour.
 */
final class Clusters {

    static final String CLUSTER_TABLE = "ledger_cluster";
    static final String UTILISATION_TABLE = "ledger_hourly_utilisation";
    static final Duration HOUR = Duration.ofHours(1);

    /** Consecutive idle hours of one cluster, {@code [start, end)}. */
    record Streak(String key, List<HourlyUtilisation> hours) {
        Instant start() {
            return hours.get(0).hour();
        }

        Instant end() {
            return hours.get(hours.size() - 1).hour().plus(HOUR);
        }

        int length() {
            return hours.size();
        }

        /**
         * Minutes the cluster ran in these hours, estimated per hour as node-minute samples over nodes
         * (at most 60; a full hour when the hour has no sample count).
         */
        double runningMinutes() {
            double minutes = 0;
            for (HourlyUtilisation u : hours) {
                minutes += u.samples() <= 0 || u.nodeCount() <= 0 ? 60
                        : Math.min(60.0, (double) u.samples() / u.nodeCount());
            }
            return minutes;
        }
    }

    final Map<String, List<ClusterVersion>> versions = new TreeMap<>();
    final Map<String, List<HourlyUtilisation>> utilisation = new TreeMap<>();
    final ResourceCosts costs;
    final Instant from;
    final Instant to;

    /** The clusters' versions, their complete utilisation hours in {@code [from, to)} and their usage. */
    Clusters(DetectionContext context, Instant from, Instant to) {
        this.from = from;
        this.to = to;
        String account = context.accountId();
        for (ClusterVersion v : context.ledger().clusters(account)) {
            versions.computeIfAbsent(key(v.workspaceId(), v.clusterId()), k -> new ArrayList<>()).add(v);
        }
        versions.values().forEach(l -> l.sort(Comparator.comparing(ClusterVersion::validFrom)));
        for (HourlyUtilisation u : context.ledger().utilisation(account, from, to)) {
            if (!u.hour().plus(HOUR).isAfter(to)) {
                utilisation.computeIfAbsent(key(u.workspaceId(), u.clusterId()), k -> new ArrayList<>()).add(u);
            }
        }
        utilisation.values().forEach(l -> l.sort(Comparator.comparing(HourlyUtilisation::hour)));
        List<UsageLineItem> usage = utilisation.isEmpty() && versions.isEmpty() ? List.of()
                : context.ledger().usage(account, LocalDate.ofInstant(from, ZoneOffset.UTC),
                        LocalDate.ofInstant(to, ZoneOffset.UTC));
        costs = new ResourceCosts(usage.stream().filter(u -> !u.usageStart().isBefore(from)
                && !u.usageEnd().isAfter(to)).toList(),
                u -> u.clusterId() == null || u.workspaceId() == null ? null : key(u.workspaceId(), u.clusterId()));
    }

    static String key(String workspaceId, String clusterId) {
        return workspaceId + ":" + clusterId;
    }

    /** The version valid at the instant, else the latest one that started before it. */
    Optional<ClusterVersion> versionAt(String key, Instant t) {
        ClusterVersion found = null;
        for (ClusterVersion v : versions.getOrDefault(key, List.of())) {
            if (!v.validFrom().isAfter(t)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Runs of consecutive hours with nodes running and average CPU below the threshold. */
    List<Streak> idleStreaks(String key, double cpuThreshold) {
        return idleStreaks(key, cpuThreshold, false);
    }

    /**
     * Runs of consecutive hours with nodes running and CPU below the threshold: the hour's 95th
     * percentile of node-minute CPU when {@code throughout} (the hour was idle throughout, not idle on
     * average), else its average.
     */
    List<Streak> idleStreaks(String key, double cpuThreshold, boolean throughout) {
        List<Streak> out = new ArrayList<>();
        List<HourlyUtilisation> current = new ArrayList<>();
        Instant expected = null;
        for (HourlyUtilisation u : utilisation.getOrDefault(key, List.of())) {
            double cpu = throughout ? u.p95CpuPercent() : u.avgCpuPercent();
            boolean idle = u.nodeCount() > 0 && cpu < cpuThreshold;
            if (!idle || (expected != null && !u.hour().equals(expected))) {
                if (!current.isEmpty()) {
                    out.add(new Streak(key, List.copyOf(current)));
                    current.clear();
                }
            }
            if (idle) {
                current.add(u);
            }
            expected = u.hour().plus(HOUR);
        }
        if (!current.isEmpty()) {
            out.add(new Streak(key, List.copyOf(current)));
        }
        return out;
    }

    /** Hours the cluster ran in the window (hours with utilisation and nodes). */
    long runningHours(String key) {
        return utilisation.getOrDefault(key, List.of()).stream().filter(u -> u.nodeCount() > 0).count();
    }

    /** The cluster's average cost per running hour in the window, zero without usage or hours. */
    BigDecimal averageHourlyCost(String key) {
        long hours = runningHours(key);
        if (hours == 0) {
            return BigDecimal.ZERO;
        }
        return ResourceCosts.sum(costs.rows(key)).divide(BigDecimal.valueOf(hours), 6, java.math.RoundingMode.HALF_EVEN);
    }

    /**
     * What the hours {@code [start, end)} cost: the usage rows that lie wholly inside them when there
     * are any, else the average hourly cost times the hours.
     */
    BigDecimal costOf(String key, Instant start, Instant end, List<UsageLineItem> used) {
        List<UsageLineItem> inside = costs.rows(key, start, end).stream().filter(u -> !u.usageEnd().isAfter(end)).toList();
        if (!inside.isEmpty()) {
            used.addAll(inside);
            return ResourceCosts.sum(inside);
        }
        long hours = Duration.between(start, end).toHours();
        return averageHourlyCost(key).multiply(BigDecimal.valueOf(hours));
    }

    static LedgerRowRef versionRow(ClusterVersion v) {
        return new LedgerRowRef(CLUSTER_TABLE, v.workspaceId() + ":" + v.clusterId() + ":" + v.validFrom());
    }

    static LedgerRowRef utilisationRow(HourlyUtilisation u) {
        return new LedgerRowRef(UTILISATION_TABLE, u.workspaceId() + ":" + u.clusterId() + ":" + u.hour());
    }

    static List<LedgerRowRef> usageRows(List<UsageLineItem> rows) {
        return rows.stream().map(UsageLineItem::recordId).sorted().distinct()
                .map(id -> new LedgerRowRef(ResourceCosts.USAGE_TABLE, id)).toList();
    }

    /** The look-back in days, for monthly projections. */
    double days() {
        return Math.max(1.0 / 24, Duration.between(from, to).toMinutes() / 1440.0);
    }
}
