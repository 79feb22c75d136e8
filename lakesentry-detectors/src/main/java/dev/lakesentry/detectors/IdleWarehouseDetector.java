package dev.lakesentry.detectors;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.insight.Evidence;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.ledger.QueryRecord;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WarehouseUptime;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.PluginConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Idle SQL warehouses: stretches of at least {@code minIdle} in the look-back in which a warehouse ran
 * (its uptime intervals with clusters) while no query ran on it. Severity by the idle hours: low below
 * {@code mediumHours}, medium from it, high from {@code highHours}, critical from {@code criticalHours}.
 * Waste = the usage rows inside the stretch (else the warehouse's average cost per running hour × the
 * idle hours); the monthly estimate projects it to 30 days.
 *
 * @since 0.1.0
 */
public final class IdleWarehouseDetector implements Detector {

    /** The detector's id. */
    public static final String ID = "lakesentry.idle-warehouse";

    private static final String UPTIME_TABLE = "ledger_warehouse_uptime";
    private static final String QUERY_TABLE = "ledger_query";

    private final Duration lookBack;
    private final Duration minIdle;
    private final int mediumHours;
    private final int highHours;
    private final int criticalHours;
    private final Map<String, String> parameters;

    /** With the default settings. */
    public IdleWarehouseDetector() {
        this(PluginConfig.empty());
    }

    /**
     * With the given settings (see the module README).
     *
     * @throws dev.lakesentry.api.ConfigurationException naming the key when a setting is invalid or unknown
     */
    public IdleWarehouseDetector(PluginConfig config) {
        Settings s = new Settings(ID, config);
        lookBack = s.duration("lookBack", Duration.ofDays(7), Duration.ofHours(1));
        minIdle = s.duration("minIdle", Duration.ofHours(2), Duration.ofMinutes(1));
        mediumHours = s.integer("mediumHours", 2, 1);
        highHours = s.integer("highHours", 6, 1);
        criticalHours = s.integer("criticalHours", 12, 1);
        parameters = s.finish();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    private record Span(Instant start, Instant end) {
    }

    @Override
    public List<Insight> detect(DetectionContext context) {
        Instant asOf = context.asOf();
        Instant from = asOf.minus(lookBack);
        // Intervals and queries that started up to a day earlier may still cover the look-back.
        Instant margin = from.minus(Duration.ofDays(1));
        Map<String, List<WarehouseUptime>> uptime = new TreeMap<>();
        for (WarehouseUptime u : context.ledger().warehouseUptime(context.accountId(), margin, asOf)) {
            if (u.clusterCount() > 0 && u.end().isAfter(from)) {
                uptime.computeIfAbsent(u.workspaceId() + ":" + u.warehouseId(), k -> new ArrayList<>()).add(u);
            }
        }
        if (uptime.isEmpty()) {
            return List.of();
        }
        Map<String, List<QueryRecord>> queries = new TreeMap<>();
        for (QueryRecord q : context.ledger().queries(context.accountId(), margin, asOf)) {
            if (q.warehouseId() != null) {
                queries.computeIfAbsent(q.workspaceId() + ":" + q.warehouseId(), k -> new ArrayList<>()).add(q);
            }
        }
        List<UsageLineItem> usage = context.ledger().usage(context.accountId(),
                LocalDate.ofInstant(from, ZoneOffset.UTC), LocalDate.ofInstant(asOf, ZoneOffset.UTC));
        ResourceCosts costs = new ResourceCosts(usage.stream().filter(u -> !u.usageStart().isBefore(from)
                && !u.usageEnd().isAfter(asOf)).toList(),
                u -> u.warehouseId() == null || u.workspaceId() == null ? null : u.workspaceId() + ":" + u.warehouseId());
        List<Insight> out = new ArrayList<>();
        uptime.forEach((key, intervals) -> {
            intervals.sort(Comparator.comparing(WarehouseUptime::start));
            List<Span> running = merge(intervals.stream().map(u -> new Span(max(u.start(), from), min(u.end(), asOf)))
                    .filter(s -> s.end().isAfter(s.start())).toList());
            List<QueryRecord> qs = queries.getOrDefault(key, List.of()).stream()
                    .sorted(Comparator.comparing(QueryRecord::start).thenComparing(QueryRecord::statementId)).toList();
            List<Span> busy = merge(qs.stream().map(q -> new Span(q.start(), q.end())).toList());
            long runningSeconds = running.stream().mapToLong(s -> Duration.between(s.start(), s.end()).toSeconds()).sum();
            BigDecimal total = ResourceCosts.sum(costs.rows(key));
            BigDecimal perHour = runningSeconds == 0 ? BigDecimal.ZERO
                    : total.multiply(BigDecimal.valueOf(3600)).divide(BigDecimal.valueOf(runningSeconds), 6, RoundingMode.HALF_EVEN);
            for (Span gap : idle(running, busy)) {
                if (Duration.between(gap.start(), gap.end()).compareTo(minIdle) >= 0) {
                    out.add(insight(context, key, gap, intervals, qs, costs, perHour));
                }
            }
        });
        return Support.ordered(out);
    }

    private Insight insight(DetectionContext context, String key, Span gap, List<WarehouseUptime> intervals,
                            List<QueryRecord> queries, ResourceCosts costs, BigDecimal perHour) {
        Duration idle = Duration.between(gap.start(), gap.end());
        double hours = idle.toSeconds() / 3600.0;
        List<UsageLineItem> inside = costs.rows(key, gap.start(), gap.end()).stream()
                .filter(u -> !u.usageEnd().isAfter(gap.end())).toList();
        BigDecimal waste = !inside.isEmpty() ? ResourceCosts.sum(inside)
                : perHour.multiply(BigDecimal.valueOf(hours)).setScale(6, RoundingMode.HALF_EVEN);
        BigDecimal monthly = waste.multiply(Support.DAYS_PER_MONTH).divide(
                BigDecimal.valueOf(Math.max(1.0 / 24, lookBack.toMinutes() / 1440.0)), 6, RoundingMode.HALF_EVEN);
        Severity severity = hours >= criticalHours ? Severity.CRITICAL : hours >= highHours ? Severity.HIGH
                : hours >= mediumHours ? Severity.MEDIUM : Severity.LOW;
        String workspace = key.substring(0, key.indexOf(':'));
        String warehouse = key.substring(key.indexOf(':') + 1);
        String currency = costs.currency(key).getCurrencyCode();
        List<SeriesPoint> series = new ArrayList<>();
        List<LedgerRowRef> rows = new ArrayList<>();
        for (WarehouseUptime u : intervals) {
            boolean overlaps = u.start().isBefore(gap.end()) && u.end().isAfter(gap.start());
            series.add(new SeriesPoint(u.start(), BigDecimal.valueOf(u.clusterCount()), overlaps));
            if (overlaps) {
                rows.add(new LedgerRowRef(UPTIME_TABLE, key + ":" + u.start()));
            }
        }
        QueryRecord before = null;
        QueryRecord after = null;
        for (QueryRecord q : queries) {
            if (!q.end().isAfter(gap.start())) {
                before = q;
            } else if (after == null && !q.start().isBefore(gap.end())) {
                after = q;
            }
        }
        if (before != null) {
            rows.add(new LedgerRowRef(QUERY_TABLE, before.statementId()));
        }
        if (after != null) {
            rows.add(new LedgerRowRef(QUERY_TABLE, after.statementId()));
        }
        rows.addAll(Clusters.usageRows(inside));
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("idleHours", Support.fmt(hours));
        figures.put("lastQueryBefore", before == null ? "none in the look-back" : before.statementId());
        figures.put("firstQueryAfter", after == null ? "none" : after.statementId());
        figures.put("costPerRunningHour", Support.fmt(perHour));
        figures.put("waste", Support.fmt(waste));
        figures.put("costSource", inside.isEmpty() ? "average cost per running hour" : "usage rows of the idle time");
        String summary = "SQL warehouse " + warehouse + " ran " + Support.fmt(hours) + " hours from " + gap.start()
                + " with no query, wasting about " + Support.fmt(waste) + " " + currency;
        return Insight.of(context.accountId(), InsightType.IDLE_WAREHOUSE, severity,
                new Subject(SubjectKind.SQL_WAREHOUSE, warehouse, workspace), new TimeWindow(gap.start(), gap.end()),
                new Money(monthly, costs.currency(key)), new Evidence(summary, figures, series, rows), ID, parameters,
                context.asOf());
    }

    private static List<Span> merge(List<Span> spans) {
        List<Span> sorted = spans.stream().sorted(Comparator.comparing(Span::start).thenComparing(Span::end)).toList();
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            if (!out.isEmpty() && !s.start().isAfter(out.get(out.size() - 1).end())) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.start(), max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** The parts of the running spans not covered by any busy span. */
    private static List<Span> idle(List<Span> running, List<Span> busy) {
        List<Span> out = new ArrayList<>();
        for (Span r : running) {
            Instant cursor = r.start();
            for (Span b : busy) {
                if (!b.end().isAfter(cursor) || !b.start().isBefore(r.end())) {
                    continue;
                }
                if (b.start().isAfter(cursor)) {
                    out.add(new Span(cursor, b.start()));
                }
                cursor = max(cursor, b.end());
            }
            if (cursor.isBefore(r.end())) {
                out.add(new Span(cursor, r.end()));
            }
        }
        return out;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
