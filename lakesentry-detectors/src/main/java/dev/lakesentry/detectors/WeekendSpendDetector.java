package dev.lakesentry.detectors;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.insight.Evidence;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.Workspace;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.PluginConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Weekend spend outside production: for each whole UTC weekend (Saturday and Sunday) in the look-back
 * before the as-of day, the priced usage of each non-production workspace, flagged when it reaches
 * {@code minWeekendCost}. A workspace is production when its name (its id when it has none) matches
 * {@code productionNamePattern}; a usage row carrying the {@code productionTag} ({@code key=value}) is
 * production spend wherever it runs. The monthly saving projects the weekend's spend to 30/7 weekends;
 * severity by it: low below 100, medium from 100, high from 500, critical from 2000.
 *
 * @since 0.1.0
 */
public final class WeekendSpendDetector implements Detector {

    /** The detector's id. */
    public static final String ID = "lakesentry.weekend-spend";

    private final int lookBackDays;
    private final Pattern productionName;
    private final String productionTagKey;
    private final String productionTagValue;
    private final BigDecimal minWeekendCost;
    private final int maxEvidenceRows;
    private final Map<String, String> parameters;

    /** With the default settings. */
    public WeekendSpendDetector() {
        this(PluginConfig.empty());
    }

    /**
     * With the given settings (see the module README).
     *
     * @throws dev.lakesentry.api.ConfigurationException naming the key when a setting is invalid or unknown
     */
    public WeekendSpendDetector(PluginConfig config) {
        Settings s = new Settings(ID, config);
        lookBackDays = s.integer("lookBackDays", 14, 2);
        productionName = s.pattern("productionNamePattern", "(?i).*prod.*");
        String tag = s.text("productionTag", "");
        if (!tag.isEmpty() && (tag.indexOf('=') <= 0)) {
            throw s.invalid("productionTag", tag, "key=value such as env=prod, or empty");
        }
        productionTagKey = tag.isEmpty() ? null : tag.substring(0, tag.indexOf('='));
        productionTagValue = tag.isEmpty() ? null : tag.substring(tag.indexOf('=') + 1);
        minWeekendCost = s.money("minWeekendCost", "50");
        maxEvidenceRows = s.integer("maxEvidenceRows", 100, 1);
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

    @Override
    public List<Insight> detect(DetectionContext context) {
        LocalDate last = Support.lastCompleteDay(context.asOf());
        LocalDate first = last.minusDays(lookBackDays - 1L);
        Map<String, String> names = new HashMap<>();
        for (Workspace w : context.ledger().workspaces(context.accountId())) {
            if (w.name() != null) {
                names.put(w.workspaceId(), w.name());
            }
        }
        List<UsageLineItem> usage = context.ledger().usage(context.accountId(), first.minusDays(5), last).stream()
                .filter(u -> u.workspaceId() != null && !production(u, names)).toList();
        ResourceCosts costs = new ResourceCosts(usage, UsageLineItem::workspaceId);
        List<Insight> out = new ArrayList<>();
        for (LocalDate sat = first; !sat.plusDays(1).isAfter(last); sat = sat.plusDays(1)) {
            if (sat.getDayOfWeek() != DayOfWeek.SATURDAY) {
                continue;
            }
            LocalDate saturday = sat;
            for (String ws : costs.keys()) {
                List<UsageLineItem> weekend = costs.rows(ws).stream().filter(u -> u.usageDate().equals(saturday)
                        || u.usageDate().equals(saturday.plusDays(1))).toList();
                BigDecimal spend = ResourceCosts.sum(weekend);
                if (weekend.isEmpty() || spend.compareTo(minWeekendCost) < 0) {
                    continue;
                }
                out.add(insight(context, ws, names.get(ws), saturday, weekend, spend, costs));
            }
        }
        return Support.ordered(out);
    }

    private boolean production(UsageLineItem u, Map<String, String> names) {
        if (productionTagKey != null && productionTagValue.equals(u.customTags().get(productionTagKey))) {
            return true;
        }
        return productionName.matcher(names.getOrDefault(u.workspaceId(), u.workspaceId())).matches();
    }

    private Insight insight(DetectionContext context, String ws, String name, LocalDate saturday,
                            List<UsageLineItem> weekend, BigDecimal spend, ResourceCosts costs) {
        BigDecimal monthly = spend.multiply(Support.DAYS_PER_MONTH).divide(BigDecimal.valueOf(7), 6, RoundingMode.HALF_EVEN);
        Map<LocalDate, BigDecimal> daily = new LinkedHashMap<>();
        for (LocalDate d = saturday.minusDays(5); !d.isAfter(saturday.plusDays(1)); d = d.plusDays(1)) {
            daily.put(d, BigDecimal.ZERO);
        }
        costs.rows(ws).forEach(u -> daily.computeIfPresent(u.usageDate(), (d, v) -> v.add(u.listCost().amount())));
        List<SeriesPoint> series = new ArrayList<>();
        daily.forEach((d, v) -> series.add(new SeriesPoint(Support.startOf(d), v, !d.isBefore(saturday))));
        BigDecimal weekdays = BigDecimal.ZERO;
        for (LocalDate d = saturday.minusDays(5); d.isBefore(saturday); d = d.plusDays(1)) {
            weekdays = weekdays.add(daily.get(d));
        }
        String currency = costs.currency(ws).getCurrencyCode();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("workspaceName", name == null ? "unknown" : name);
        figures.put("weekend", saturday + ".." + saturday.plusDays(1));
        figures.put("weekendSpend", Support.fmt(spend));
        figures.put("weekdayDailyAverage", Support.fmt(weekdays.divide(BigDecimal.valueOf(5), 6, RoundingMode.HALF_EVEN)));
        figures.put("weekendRows", String.valueOf(weekend.size()));
        String summary = "Non-production workspace " + (name == null ? ws : name + " (" + ws + ")") + " spent "
                + Support.fmt(spend) + " " + currency + " on the weekend of " + saturday + "; about "
                + Support.fmt(monthly) + " " + currency + " a month";
        return Insight.of(context.accountId(), InsightType.WEEKEND_SPEND, Support.moneyBands(monthly),
                new Subject(SubjectKind.WORKSPACE, ws, ws),
                new TimeWindow(Support.startOf(saturday), Support.startOf(saturday.plusDays(2))),
                new Money(monthly, costs.currency(ws)), new Evidence(summary, figures, series,
                Clusters.usageRows(weekend).stream().limit(maxEvidenceRows).toList()), ID, parameters, context.asOf());
    }
}
