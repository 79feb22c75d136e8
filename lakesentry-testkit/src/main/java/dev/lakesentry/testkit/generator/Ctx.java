package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Account-wide state of one generation run: config, people, the sink and the truth being collected. */
final class Ctx {
    private static final List<String> FIRST = List.of("alice", "bob", "carla", "dev", "erin", "farid", "grace",
            "hiro", "ines", "jonas", "kemi", "liam", "maya", "nils", "olga", "priya", "quinn", "rosa", "sam", "tara");
    private static final List<String> LAST = List.of("martin", "chen", "kumar", "garcia", "smith", "novak", "ito",
            "silva", "okafor", "larsen", "rossi", "weber", "haddad", "kim", "dubois");

    final GeneratorConfig cfg;
    final Behaviour b;
    final String accountId;
    final Instant start;
    final Instant end;
    final int minutes;
    final int timelineFromMinute;
    final Rng root;

    private final RowSink sink;
    private final CostTruth cost = new CostTruth();
    private final EnumMap<SystemTable, Long> counts = new EnumMap<>(SystemTable.class);
    private final List<LabelledAnomaly> anomalies = new ArrayList<>();
    private final List<CorrectionGroup> corrections = new ArrayList<>();
    private final List<EntityLabel> entities = new ArrayList<>();
    private final Map<String, List<String>> users = new LinkedHashMap<>();
    private final Map<String, String> servicePrincipals = new LinkedHashMap<>();
    private final Map<String, String> userIds = new HashMap<>();

    Ctx(GeneratorConfig cfg, RowSink sink) {
        this.cfg = cfg;
        this.b = cfg.behaviour();
        this.root = new Rng(cfg.seed(), "account");
        this.accountId = cfg.accountId() != null ? cfg.accountId() : root.child("id").uuid();
        this.start = cfg.periodStart();
        this.end = cfg.periodEnd();
        this.minutes = cfg.days() * 1440;
        this.timelineFromMinute = Math.max(0, cfg.days() - cfg.timelineRetentionDays()) * 1440;
        this.sink = sink;
        for (SystemTable t : SystemTable.values()) {
            counts.put(t, 0L);
        }
        for (String team : b.teams()) {
            Rng r = new Rng(cfg.seed(), "team/" + team);
            List<String> people = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String email = r.pick(FIRST) + "." + r.pick(LAST) + "@example.com";
                if (!people.contains(email)) {
                    people.add(email);
                }
            }
            users.put(team, List.copyOf(people));
            servicePrincipals.put(team, r.uuid());
        }
    }

    void emit(Row row) {
        SourceRecord rec = row.build();
        SystemTable t = row.table();
        counts.merge(t, 1L, Long::sum);
        if (t == SystemTable.LIST_PRICES) {
            cost.price(rec);
        } else if (t == SystemTable.BILLING_USAGE) {
            cost.usage(rec);
        }
        sink.accept(t, rec);
    }

    Instant at(long minute) {
        return start.plusSeconds(minute * 60L);
    }

    List<String> users(String team) {
        return users.get(team);
    }

    String servicePrincipal(String team) {
        return servicePrincipals.get(team);
    }

    /** A stable numeric user id for a principal (for {@code executed_by_user_id}, {@code creator_id}). */
    String userId(String principal) {
        return userIds.computeIfAbsent(principal, p -> new Rng(cfg.seed(), "uid/" + p).digits(15));
    }

    /** Tags for an entity of a team: the team tag on a share of entities, the extra keys on most. */
    Map<String, String> tags(Rng r, String team, String env, boolean tagged) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (tagged) {
            tags.put(b.teamTagKey(), team);
        }
        if (tagged || r.chance(0.5)) {
            for (String key : b.extraTagKeys()) {
                tags.put(key, switch (key) {
                    case "env" -> env;
                    case "cost_center" -> "cc-" + (1000 + 7 * Math.max(0, b.teams().indexOf(team)));
                    default -> key + "-" + team;
                });
            }
        }
        return tags;
    }

    void anomaly(AnomalyKind kind, Subject subject, TimeWindow window, Severity severity, List<Subject> related,
                 Map<String, String> details) {
        anomalies.add(new LabelledAnomaly(kind, kind.insightType(), subject, window, severity, related, details));
    }

    /** A step in daily spend smaller than this (in the price's currency) is not material on its own subject. */
    static final double MATERIAL_DAILY_INCREASE = 50;

    /**
     * Labels the step in a resource's daily list cost that a configuration change at {@code changeMinute}
     * causes ({@link AnomalyKind#SPEND_LEVEL_SHIFT}): window the two weeks from the change (two of every
     * weekday, so the first weekends at the new level are inside it); details the mean
     * daily cost of the (up to) 28 whole days before the change day and of the 7 whole days after it,
     * the increase, and whether it is material. Nothing is labelled when no whole day follows the change.
     *
     * @param subject   the resource
     * @param ws        its workspace, team and SKU are the related subjects
     * @param dailyCost the resource's list cost per day of the period
     */
    void spendShift(Subject subject, Ws ws, String team, String sku, double[] dailyCost, long changeMinute,
                    String cause) {
        List<Subject> related = List.of(new Subject(SubjectKind.WORKSPACE, ws.id, ws.id),
                new Subject(SubjectKind.TEAM, team, null), new Subject(SubjectKind.SKU, sku, null));
        int changeDay = (int) (changeMinute / 1440);
        int afterFrom = changeDay + 1;
        int afterTo = Math.min(cfg.days(), changeDay + 8);
        int beforeFrom = Math.max(0, changeDay - 28);
        if (changeMinute < 0 || afterFrom >= afterTo || beforeFrom >= changeDay) {
            return;
        }
        double before = mean(dailyCost, beforeFrom, changeDay);
        double after = mean(dailyCost, afterFrom, afterTo);
        double increase = after - before;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("cause", cause);
        details.put("dailyCostBefore", String.format(Locale.ROOT, "%.2f", before));
        details.put("dailyCostAfter", String.format(Locale.ROOT, "%.2f", after));
        details.put("dailyIncrease", String.format(Locale.ROOT, "%.2f", increase));
        details.put("material", String.valueOf(increase >= MATERIAL_DAILY_INCREASE));
        Instant from = at(changeMinute);
        Instant to = from.plusSeconds(14 * 86_400L).isAfter(end) ? end : from.plusSeconds(14 * 86_400L);
        anomaly(AnomalyKind.SPEND_LEVEL_SHIFT, subject, new TimeWindow(from, to),
                SeverityRules.spend(before > 0 ? after / before : 0), related, details);
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    void correction(CorrectionGroup g) {
        corrections.add(g);
    }

    void entity(SubjectKind kind, String id, String ws, String name, String team, boolean tagged) {
        entities.add(new EntityLabel(kind, id, ws, name, team, tagged));
    }

    GroundTruth truth() {
        Map<String, Long> rowCounts = new LinkedHashMap<>();
        counts.forEach((t, n) -> rowCounts.put(t.fullName(), n));
        return new GroundTruth(cfg.profile(), cfg.seed(), accountId, new TimeWindow(start, end), anomalies,
                cost.expectedCosts(), cost.unpricedUsage(), corrections, entities, rowCounts);
    }
}
