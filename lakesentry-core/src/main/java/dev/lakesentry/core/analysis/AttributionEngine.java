package dev.lakesentry.core.analysis;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.ledger.ClusterVersion;
import dev.lakesentry.api.ledger.QueryRecord;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WorkUnit;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.ledger.WorkUnitRun;
import dev.lakesentry.api.ledger.WorkUnitType;
import dev.lakesentry.api.metrics.Confidence;
import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.metrics.OwnerKind;
import dev.lakesentry.api.spi.AllocationShare;
import dev.lakesentry.api.spi.AttributionDecision;
import dev.lakesentry.api.spi.AttributionRule;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Allocates each priced usage line item to teams, shared buckets or the unattributed bucket.
 *
 * <ol>
 *   <li>Rules (from files, the builder and {@code AttributionRule} plugins) run in order (lower first,
 *       ties by id); the first decision wins. A rule that throws is logged and skipped for that item.</li>
 *   <li>At order {@value #SHARED_COMPUTE_ORDER}, shared compute is split: a SQL warehouse's hour by the
 *       query time of each team's queries in that hour; an all-purpose cluster's hour by the time of the
 *       job runs that used it in that hour, the rest left to the fallback chain (both
 *       {@link Confidence#ESTIMATED}).</li>
 *   <li>Fallback chain: the resource owner's team ({@code fallback:owner}, strong), the workspace's
 *       default team ({@code fallback:workspace-default}, estimated), then the explicit unattributed
 *       bucket ({@code fallback:unattributed}).</li>
 * </ol>
 * Amounts are then rounded to the cent per account, day and currency by the largest-remainder method,
 * so allocations plus unattributed equal the ledger total to the cent. Deterministic: the same ledger
 * and rules give the same allocations.
 */
public final class AttributionEngine {
    private static final Logger LOG = LoggerFactory.getLogger(AttributionEngine.class);

    /** Where the shared-compute split runs among the rules. */
    public static final int SHARED_COMPUTE_ORDER = 100;
    static final String SHARED_WAREHOUSE = "shared:warehouse-query-time";
    static final String SHARED_CLUSTER = "shared:cluster-job-time";
    static final String FALLBACK_OWNER = "fallback:owner";
    static final String FALLBACK_WORKSPACE = "fallback:workspace-default";
    static final String FALLBACK_NONE = "fallback:unattributed";
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<AttributionRule> before;
    private final List<AttributionRule> after;
    private final Map<String, String> workspaceDefaults;

    /**
     * @param rules             every rule, data and plugin alike
     * @param workspaceDefaults workspace id to default team
     */
    public AttributionEngine(List<? extends AttributionRule> rules, Map<String, String> workspaceDefaults) {
        List<AttributionRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(AttributionRule::order).thenComparing(AttributionRule::id));
        this.before = sorted.stream().filter(r -> r.order() < SHARED_COMPUTE_ORDER).toList();
        this.after = sorted.stream().filter(r -> r.order() >= SHARED_COMPUTE_ORDER).toList();
        this.workspaceDefaults = Map.copyOf(workspaceDefaults);
    }

    /** One owner's exact share of one line item, before rounding. */
    private record Share(UsageLineItem item, OwnerKind kind, String owner, BigDecimal fraction, String ruleId,
                         Confidence confidence) {
    }

    /** Allocates the snapshot's usage. */
    List<CostAllocation> allocate(LedgerSnapshot data) {
        SharedCompute shared = new SharedCompute(data);
        List<Share> shares = new ArrayList<>();
        for (UsageLineItem item : data.usage) {
            if (item.listCost() == null) {
                continue;
            }
            shares.addAll(decide(item, data, shared));
        }
        return round(shares);
    }

    private List<Share> decide(UsageLineItem item, LedgerSnapshot data, SharedCompute shared) {
        Optional<List<Share>> ruled = firstRule(before, item, data);
        if (ruled.isPresent()) {
            return ruled.get();
        }
        Map<String, BigDecimal> split = item.warehouseId() != null ? shared.warehouseSplit(item) : shared.clusterSplit(item);
        if (!split.isEmpty()) {
            String ruleId = item.warehouseId() != null ? SHARED_WAREHOUSE : SHARED_CLUSTER;
            List<Share> out = new ArrayList<>();
            BigDecimal covered = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> e : split.entrySet()) {
                out.add(new Share(item, OwnerKind.TEAM, e.getKey(), e.getValue(), ruleId, Confidence.ESTIMATED));
                covered = covered.add(e.getValue());
            }
            BigDecimal rest = BigDecimal.ONE.subtract(covered);
            if (rest.signum() > 0) {
                for (Share s : fallback(item, data)) {
                    Confidence c = s.kind() == OwnerKind.UNATTRIBUTED ? Confidence.UNATTRIBUTED : Confidence.ESTIMATED;
                    out.add(new Share(item, s.kind(), s.owner(), rest, s.ruleId(), c));
                }
            }
            return out;
        }
        Optional<List<Share>> later = firstRule(after, item, data);
        return later.orElseGet(() -> fallback(item, data));
    }

    private Optional<List<Share>> firstRule(List<AttributionRule> rules, UsageLineItem item, LedgerSnapshot data) {
        for (AttributionRule rule : rules) {
            Optional<AttributionDecision> decision;
            try {
                decision = rule.attribute(item, data);
            } catch (RuntimeException e) {
                LOG.warn("Attribution rule '{}' failed on record {}; skipped for it: {}", rule.id(), item.recordId(),
                        e.toString());
                continue;
            }
            if (decision.isPresent()) {
                List<Share> out = new ArrayList<>();
                for (AllocationShare s : decision.get().shares()) {
                    out.add(new Share(item, s.ownerKind(), s.owner(), s.percent().divide(HUNDRED, MC),
                            decision.get().ruleId(), decision.get().confidence()));
                }
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    private List<Share> fallback(UsageLineItem item, LedgerSnapshot data) {
        Optional<WorkUnit> wu = data.workUnit(item);
        for (String principal : new String[] {wu.map(WorkUnit::owner).orElse(null), item.runAs(), item.ownedBy(),
                clusterOwner(item, data)}) {
            Optional<String> team = data.teamOf(principal);
            if (team.isPresent()) {
                return List.of(new Share(item, OwnerKind.TEAM, team.get(), BigDecimal.ONE, FALLBACK_OWNER, Confidence.STRONG));
            }
        }
        String team = item.workspaceId() == null ? null : workspaceDefaults.get(item.workspaceId());
        if (team != null) {
            return List.of(new Share(item, OwnerKind.TEAM, team, BigDecimal.ONE, FALLBACK_WORKSPACE, Confidence.ESTIMATED));
        }
        return List.of(new Share(item, OwnerKind.UNATTRIBUTED, CostAllocation.UNATTRIBUTED, BigDecimal.ONE, FALLBACK_NONE,
                Confidence.UNATTRIBUTED));
    }

    private static String clusterOwner(UsageLineItem item, LedgerSnapshot data) {
        if (item.clusterId() == null || item.workspaceId() == null) {
            return null;
        }
        return data.cluster(item.workspaceId(), item.clusterId()).map(ClusterVersion::owner).orElse(null);
    }

    /** Largest-remainder rounding to the cent per day and currency; merges shares of the same owner and rule. */
    private static List<CostAllocation> round(List<Share> shares) {
        Map<String, Exact> merged = new LinkedHashMap<>();
        for (Share s : shares) {
            BigDecimal amount = s.item().listCost().amount().multiply(s.fraction(), MC);
            String key = s.item().recordId() + "\u0000" + s.kind() + "\u0000" + s.owner() + "\u0000" + s.ruleId();
            merged.merge(key, new Exact(s.item(), s.kind(), s.owner(), s.ruleId(), s.confidence(), s.fraction(), amount),
                    (a, b) -> a.plus(b));
        }
        Map<String, List<Exact>> byDay = new TreeMap<>();
        for (Exact e : merged.values()) {
            Currency cur = e.item.listCost().currency();
            byDay.computeIfAbsent(e.item.usageDate() + "/" + cur.getCurrencyCode(), k -> new ArrayList<>()).add(e);
        }
        List<CostAllocation> out = new ArrayList<>();
        for (List<Exact> day : byDay.values()) {
            day.sort(Comparator.comparing((Exact e) -> e.item.recordId()).thenComparing(e -> e.kind.name())
                    .thenComparing(e -> e.owner).thenComparing(e -> e.ruleId));
            int digits = Math.max(0, day.get(0).item.listCost().currency().getDefaultFractionDigits());
            BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal floors = BigDecimal.ZERO;
            BigDecimal[] rounded = new BigDecimal[day.size()];
            for (int i = 0; i < day.size(); i++) {
                total = total.add(day.get(i).amount);
                rounded[i] = day.get(i).amount.setScale(digits, RoundingMode.FLOOR);
                floors = floors.add(rounded[i]);
            }
            BigDecimal target = total.setScale(digits, RoundingMode.HALF_EVEN);
            int steps = target.subtract(floors).divide(unit, MC).intValueExact();
            Integer[] order = new Integer[day.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            BigDecimal[] remainders = new BigDecimal[day.size()];
            for (int i = 0; i < day.size(); i++) {
                remainders[i] = day.get(i).amount.subtract(rounded[i]);
            }
            java.util.Arrays.sort(order, (a, b) -> {
                int c = remainders[b].compareTo(remainders[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            if (steps >= 0) {
                for (int k = 0; k < steps; k++) {
                    int i = order[k % order.length];
                    rounded[i] = rounded[i].add(unit);
                }
            } else {
                for (int k = 0; k < -steps; k++) {
                    int i = order[order.length - 1 - (k % order.length)];
                    rounded[i] = rounded[i].subtract(unit);
                }
            }
            for (int i = 0; i < day.size(); i++) {
                Exact e = day.get(i);
                BigDecimal share = e.fraction.min(BigDecimal.ONE).max(BigDecimal.ZERO).setScale(18, RoundingMode.HALF_EVEN);
                out.add(new CostAllocation(e.item.accountId(), e.item.usageDate(), e.item.recordId(), e.kind, e.owner,
                        share, new Money(rounded[i], e.item.listCost().currency()), e.ruleId, e.confidence));
            }
        }
        return out;
    }

    private record Exact(UsageLineItem item, OwnerKind kind, String owner, String ruleId, Confidence confidence,
                         BigDecimal fraction, BigDecimal amount) {
        Exact plus(Exact o) {
            return new Exact(item, kind, owner, ruleId, confidence, fraction.add(o.fraction), amount.add(o.amount));
        }
    }

    /** Time shares of shared compute within a usage window. */
    static final class SharedCompute {
        private final LedgerSnapshot data;
        private final Map<String, List<QueryRecord>> queriesByWarehouse = new HashMap<>();
        private final Map<String, List<WorkUnitRun>> runsByCompute = new HashMap<>();

        SharedCompute(LedgerSnapshot data) {
            this.data = data;
            for (QueryRecord q : data.queries) {
                if (q.warehouseId() != null) {
                    queriesByWarehouse.computeIfAbsent(q.workspaceId() + "/" + q.warehouseId(), k -> new ArrayList<>()).add(q);
                }
            }
            for (WorkUnitRun r : data.runs) {
                for (String compute : r.computeIds()) {
                    runsByCompute.computeIfAbsent(r.workUnit().workspaceId() + "/" + compute, k -> new ArrayList<>()).add(r);
                }
            }
        }

        /** Team to fraction of the window's query time; queries of no known team leave their part to the fallback. */
        Map<String, BigDecimal> warehouseSplit(UsageLineItem item) {
            List<QueryRecord> qs = queriesByWarehouse.getOrDefault(item.workspaceId() + "/" + item.warehouseId(), List.of());
            Map<String, Long> byTeam = new TreeMap<>();
            long total = 0;
            for (QueryRecord q : qs) {
                long ms = overlapMillis(q.start(), q.end(), item.usageStart(), item.usageEnd());
                if (ms <= 0) {
                    continue;
                }
                total += ms;
                Optional<String> team = data.teamOf(q.executedBy());
                if (team.isEmpty() && q.workUnit() != null) {
                    team = teamOfWorkUnit(q.workUnit());
                }
                team.ifPresent(t -> byTeam.merge(t, ms, Long::sum));
            }
            return fractions(byTeam, total);
        }

        /** Team to fraction of the window used by job runs on an all-purpose cluster; the rest is the owner's. */
        Map<String, BigDecimal> clusterSplit(UsageLineItem item) {
            if (item.clusterId() == null || item.workspaceId() == null || item.jobId() != null) {
                return Map.of();
            }
            boolean allPurpose = data.cluster(item.workspaceId(), item.clusterId()).map(ClusterVersion::allPurpose)
                    .orElse(item.workUnit() != null && item.workUnit().type() == WorkUnitType.INTERACTIVE_CLUSTER);
            if (!allPurpose) {
                return Map.of();
            }
            List<WorkUnitRun> runs = runsByCompute.getOrDefault(item.workspaceId() + "/" + item.clusterId(), List.of());
            long window = Duration.between(item.usageStart(), item.usageEnd()).toMillis();
            if (window <= 0 || runs.isEmpty()) {
                return Map.of();
            }
            Map<String, Long> byTeam = new TreeMap<>();
            for (WorkUnitRun r : runs) {
                long ms = overlapMillis(r.start(), r.end(), item.usageStart(), item.usageEnd());
                if (ms > 0) {
                    teamOfWorkUnit(r.workUnit()).ifPresent(t -> byTeam.merge(t, ms, Long::sum));
                }
            }
            long used = byTeam.values().stream().mapToLong(Long::longValue).sum();
            return fractions(byTeam, Math.max(window, used));
        }

        private Optional<String> teamOfWorkUnit(WorkUnitRef ref) {
            WorkUnit w = data.workUnits.get(ref);
            if (w == null) {
                return Optional.empty();
            }
            String tagged = w.tags().get("team");
            return tagged != null ? Optional.of(tagged) : data.teamOf(w.owner());
        }

        private static Map<String, BigDecimal> fractions(Map<String, Long> byTeam, long total) {
            if (total <= 0 || byTeam.isEmpty()) {
                return Map.of();
            }
            Map<String, BigDecimal> out = new TreeMap<>();
            byTeam.forEach((t, ms) -> out.put(t, BigDecimal.valueOf(ms).divide(BigDecimal.valueOf(total), MC)));
            return out;
        }

        private static long overlapMillis(Instant s1, Instant e1, Instant s2, Instant e2) {
            Instant s = s1.isAfter(s2) ? s1 : s2;
            Instant e = e1.isBefore(e2) ? e1 : e2;
            return e.isAfter(s) ? Duration.between(s, e).toMillis() : 0;
        }
    }

    /** The per-day totals of allocations, for conservation checks. */
    static Map<LocalDate, BigDecimal> dayTotals(List<CostAllocation> allocations) {
        Map<LocalDate, BigDecimal> out = new TreeMap<>();
        for (CostAllocation a : allocations) {
            out.merge(a.usageDate(), a.amount().amount(), BigDecimal::add);
        }
        return out;
    }
}
