package dev.lakesentry.detectors;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.ledger.Identity;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.metrics.CostDimension;
import dev.lakesentry.api.metrics.DailyCost;
import dev.lakesentry.api.spi.DetectionContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The daily cost series a spend detector examines: one per subject (work unit, workspace, SKU, team)
 * and currency. Work unit, workspace and SKU series come from the ledger's priced usage line items;
 * team series from the metrics layer's team daily costs when it has any, otherwise from usage via the
 * team of the row's {@code run_as} (else {@code owned_by}) identity.
 */
final class SpendSeries {

    /** The dimensions a spend detector can examine, with their setting names. */
    enum Dimension {
        WORK_UNIT("work-unit"), WORKSPACE("workspace"), SKU("sku"), TEAM("team");

        final String setting;

        Dimension(String setting) {
            this.setting = setting;
        }

        static Set<Dimension> parse(String detectorId, String text) {
            Set<Dimension> out = EnumSet.noneOf(Dimension.class);
            for (String part : text.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                Dimension found = null;
                for (Dimension d : values()) {
                    if (d.setting.equals(p)) {
                        found = d;
                    }
                }
                if (found == null) {
                    throw new ConfigurationException("Detector '" + detectorId + "' setting 'dimensions' has value '"
                            + text + "'; '" + p + "' is not one of work-unit, workspace, sku, team");
                }
                out.add(found);
            }
            if (out.isEmpty()) {
                throw new ConfigurationException("Detector '" + detectorId + "' setting 'dimensions' has value '"
                        + text + "'; expected at least one of work-unit, workspace, sku, team");
            }
            return out;
        }
    }

    /**
     * One daily series.
     *
     * @param dimension the dimension
     * @param subject   what it is about
     * @param currency  the currency of every amount
     * @param costs     the cost of each day that has rows (days without rows cost zero)
     * @param recordIds the usage record ids behind each day (empty when from metrics)
     * @param fromMetrics whether the costs come from the metrics layer
     */
    record Series(Dimension dimension, Subject subject, Currency currency, TreeMap<LocalDate, BigDecimal> costs,
                  Map<LocalDate, List<String>> recordIds, boolean fromMetrics) {

        /** The day's cost, zero when the day has no rows. */
        BigDecimal cost(LocalDate day) {
            return costs.getOrDefault(day, BigDecimal.ZERO);
        }

        /** The first day with rows. */
        LocalDate firstDay() {
            return costs.firstKey();
        }
    }

    private SpendSeries() {
    }

    static List<Series> build(DetectionContext context, Set<Dimension> dimensions, LocalDate from, LocalDate to) {
        String account = context.accountId();
        List<UsageLineItem> usage = context.ledger().usage(account, from, to).stream()
                .filter(u -> u.listCost() != null).toList();
        Map<String, Series> out = new TreeMap<>();
        for (UsageLineItem u : usage) {
            for (Dimension d : dimensions) {
                Subject subject = switch (d) {
                    case WORK_UNIT -> u.workUnit() == null ? null : workUnitSubject(u.workUnit());
                    case WORKSPACE -> u.workspaceId() == null ? null
                            : new Subject(SubjectKind.WORKSPACE, u.workspaceId(), u.workspaceId());
                    case SKU -> new Subject(SubjectKind.SKU, u.skuName(), null);
                    case TEAM -> null;
                };
                if (subject != null) {
                    add(out, d, subject, u);
                }
            }
        }
        if (dimensions.contains(Dimension.TEAM)) {
            List<DailyCost> teamCosts = context.metrics().dailyCosts(account, CostDimension.TEAM, from, to);
            if (!teamCosts.isEmpty()) {
                for (DailyCost c : teamCosts) {
                    Subject subject = new Subject(SubjectKind.TEAM, c.key(), null);
                    Series s = out.computeIfAbsent(key(subject, c.cost().currency()), k -> new Series(Dimension.TEAM,
                            subject, c.cost().currency(), new TreeMap<>(), new HashMap<>(), true));
                    s.costs().merge(c.day(), c.cost().amount(), BigDecimal::add);
                }
            } else {
                Map<String, String> teams = new HashMap<>();
                for (Identity i : context.ledger().identities(account)) {
                    if (i.team() != null) {
                        teams.put(i.principal(), i.team());
                    }
                }
                for (UsageLineItem u : usage) {
                    String team = u.runAs() != null ? teams.get(u.runAs()) : null;
                    if (team == null && u.ownedBy() != null) {
                        team = teams.get(u.ownedBy());
                    }
                    if (team != null) {
                        add(out, Dimension.TEAM, new Subject(SubjectKind.TEAM, team, null), u);
                    }
                }
            }
        }
        out.values().forEach(s -> s.recordIds().values().forEach(Collections::sort));
        return List.copyOf(out.values());
    }

    /**
     * A work unit as a subject, named as the other detectors and the test kit's truth name the resource:
     * a job as {@code JOB}, a SQL warehouse as {@code SQL_WAREHOUSE}, an interactive cluster as
     * {@code CLUSTER} and a serving endpoint as {@code SERVING_ENDPOINT}, each with its own id and
     * workspace; a pipeline as {@code WORK_UNIT} with its key.
     */
    static Subject workUnitSubject(WorkUnitRef unit) {
        SubjectKind kind = switch (unit.type()) {
            case JOB -> SubjectKind.JOB;
            case SQL_WAREHOUSE -> SubjectKind.SQL_WAREHOUSE;
            case INTERACTIVE_CLUSTER -> SubjectKind.CLUSTER;
            case SERVING_ENDPOINT -> SubjectKind.SERVING_ENDPOINT;
            case PIPELINE -> SubjectKind.WORK_UNIT;
        };
        return new Subject(kind, kind == SubjectKind.WORK_UNIT ? unit.key() : unit.externalId(), unit.workspaceId());
    }

    private static String key(Subject subject, Currency currency) {
        return subject.key() + "|" + currency.getCurrencyCode();
    }

    private static void add(Map<String, Series> out, Dimension d, Subject subject, UsageLineItem u) {
        Currency currency = u.listCost().currency();
        Series s = out.computeIfAbsent(key(subject, currency),
                k -> new Series(d, subject, currency, new TreeMap<>(), new HashMap<>(), false));
        s.costs().merge(u.usageDate(), u.listCost().amount(), BigDecimal::add);
        s.recordIds().computeIfAbsent(u.usageDate(), k -> new ArrayList<>()).add(u.recordId());
    }

    /**
     * The ledger rows behind the given days of a series, by record id, at most {@code limit}: usage line
     * items, or for a metrics team series the line items the team was allocated.
     */
    static List<LedgerRowRef> rowsBehind(DetectionContext context, Series series, Set<LocalDate> days, int limit) {
        Set<String> ids = new TreeSet<>();
        for (LocalDate day : days) {
            if (series.fromMetrics()) {
                for (CostAllocation a : context.metrics().allocations(context.accountId(), day, day)) {
                    if (a.owner().equals(series.subject().id())) {
                        ids.add(a.recordId());
                    }
                }
            } else {
                ids.addAll(series.recordIds().getOrDefault(day, List.of()));
            }
        }
        return ids.stream().limit(limit).map(id -> new LedgerRowRef(ResourceCosts.USAGE_TABLE, id)).toList();
    }

    /** The series' points from {@code from} to {@code to}, those in {@code flagged} marked. */
    static List<SeriesPoint> points(Series series, LocalDate from, LocalDate to, Set<LocalDate> flagged) {
        List<SeriesPoint> points = new ArrayList<>();
        LocalDate start = from.isBefore(series.firstDay()) ? series.firstDay() : from;
        for (LocalDate d = start; !d.isAfter(to); d = d.plusDays(1)) {
            points.add(new SeriesPoint(Support.startOf(d), series.cost(d), flagged.contains(d)));
        }
        return points;
    }
}
