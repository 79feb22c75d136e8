package com.example.lakesentry.untagged;

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
import dev.lakesentry.api.ledger.PriceStatus;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.Workspace;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.PluginConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Untagged spend: for each workspace, the priced cost of the last {@code lookBackDays} whole UTC days
 * whose usage carries no team tag ({@code tagKey}). A workspace whose untagged cost reaches
 * {@code threshold} gets an insight: nobody can be charged for that spend until it is tagged. The
 * monthly impact projects the window to 30 days; severity by it: low below 100, medium from 100,
 * high from 500, critical from 2000.
 *
 * <p>Settings: {@code threshold} (default 50), {@code tagKey} (default {@code team}),
 * {@code lookBackDays} (default 7), {@code maxEvidenceRows} (default 100).
 */
public final class UntaggedSpendDetector implements Detector {
    /** The detector's id (third-party ids must not start with {@code lakesentry.}). */
    public static final String ID = "com.example.untagged-spend";

    /** The insight type it reports. */
    public static final InsightType UNTAGGED_SPEND = new InsightType("untagged-spend");

    private static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);
    private static final String USAGE_TABLE = "ledger_usage_line_item";

    private final BigDecimal threshold;
    private final String tagKey;
    private final int lookBackDays;
    private final int maxEvidenceRows;
    private final Map<String, String> parameters;

    /** With the default settings. */
    public UntaggedSpendDetector() {
        this(PluginConfig.empty());
    }

    /**
     * With the given settings.
     *
     * @throws dev.lakesentry.api.ConfigurationException naming the key when a setting is unknown or invalid
     */
    public UntaggedSpendDetector(PluginConfig config) {
        config.requireOnly(Set.of("threshold", "tagKey", "lookBackDays", "maxEvidenceRows"));
        this.threshold = config.getDecimal("threshold", new BigDecimal("50"));
        this.tagKey = config.getString("tagKey", "team");
        this.lookBackDays = config.getInt("lookBackDays", 7);
        this.maxEvidenceRows = config.getInt("maxEvidenceRows", 100);
        if (threshold.signum() < 0 || tagKey.isBlank() || lookBackDays < 1 || maxEvidenceRows < 1) {
            throw new dev.lakesentry.api.ConfigurationException("Plugin '" + ID + "' needs threshold >= 0, a non-blank tagKey, "
                    + "lookBackDays >= 1 and maxEvidenceRows >= 1; got threshold " + threshold + ", tagKey '" + tagKey
                    + "', lookBackDays " + lookBackDays + ", maxEvidenceRows " + maxEvidenceRows);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("threshold", threshold.toPlainString());
        p.put("tagKey", tagKey);
        p.put("lookBackDays", String.valueOf(lookBackDays));
        p.put("maxEvidenceRows", String.valueOf(maxEvidenceRows));
        this.parameters = Map.copyOf(p);
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
        LocalDate end = LocalDate.ofInstant(context.asOf(), ZoneOffset.UTC);
        LocalDate first = end.minusDays(lookBackDays);
        LocalDate last = end.minusDays(1);
        Map<String, String> names = new HashMap<>();
        for (Workspace w : context.ledger().workspaces(context.accountId())) {
            if (w.name() != null) {
                names.put(w.workspaceId(), w.name());
            }
        }
        Map<String, List<UsageLineItem>> byWorkspace = new TreeMap<>();
        for (UsageLineItem u : context.ledger().usage(context.accountId(), first, last)) {
            if (u.workspaceId() != null && u.priceStatus() == PriceStatus.PRICED && untagged(u)) {
                byWorkspace.computeIfAbsent(u.workspaceId(), k -> new ArrayList<>()).add(u);
            }
        }
        List<Insight> out = new ArrayList<>();
        for (Map.Entry<String, List<UsageLineItem>> e : byWorkspace.entrySet()) {
            Map<Currency, List<UsageLineItem>> byCurrency = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
            e.getValue().forEach(u -> byCurrency.computeIfAbsent(u.listCost().currency(), c -> new ArrayList<>()).add(u));
            for (Map.Entry<Currency, List<UsageLineItem>> c : byCurrency.entrySet()) {
                BigDecimal spend = c.getValue().stream().map(u -> u.listCost().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (spend.signum() > 0 && spend.compareTo(threshold) >= 0) {
                    out.add(insight(context, e.getKey(), names.get(e.getKey()), c.getKey(), c.getValue(), spend, first, end));
                }
            }
        }
        out.sort(Comparator.comparing(Insight::id));
        return List.copyOf(out);
    }

    private boolean untagged(UsageLineItem u) {
        String v = u.customTags().get(tagKey);
        return v == null || v.isBlank();
    }

    private Insight insight(DetectionContext context, String workspaceId, String name, Currency currency,
                            List<UsageLineItem> rows, BigDecimal spend, LocalDate first, LocalDate end) {
        BigDecimal monthly = spend.multiply(DAYS_PER_MONTH).divide(BigDecimal.valueOf(lookBackDays), 6, RoundingMode.HALF_EVEN);
        Map<LocalDate, BigDecimal> daily = new TreeMap<>();
        for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
            daily.put(d, BigDecimal.ZERO);
        }
        rows.forEach(u -> daily.merge(u.usageDate(), u.listCost().amount(), BigDecimal::add));
        List<SeriesPoint> series = new ArrayList<>();
        daily.forEach((d, v) -> series.add(new SeriesPoint(d.atStartOfDay().toInstant(ZoneOffset.UTC), v, v.signum() > 0)));
        List<LedgerRowRef> refs = rows.stream()
                .sorted(Comparator.comparing((UsageLineItem u) -> u.listCost().amount()).reversed().thenComparing(UsageLineItem::recordId))
                .limit(maxEvidenceRows).map(u -> new LedgerRowRef(USAGE_TABLE, u.recordId())).toList();
        String label = name == null ? workspaceId : name + " (" + workspaceId + ")";
        String amount = spend.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("workspace", label);
        figures.put("untaggedSpend", amount);
        figures.put("untaggedRows", String.valueOf(rows.size()));
        figures.put("tagKey", tagKey);
        figures.put("days", first + ".." + end.minusDays(1));
        String summary = "Workspace " + label + " spent " + amount + " " + currency.getCurrencyCode() + " without a '" + tagKey
                + "' tag in the " + lookBackDays + " days to " + end.minusDays(1) + " (" + rows.size()
                + " line items); tag it so the cost can be charged to a team";
        return Insight.of(context.accountId(), UNTAGGED_SPEND, severity(monthly), new Subject(SubjectKind.WORKSPACE, workspaceId, workspaceId),
                new TimeWindow(first.atStartOfDay().toInstant(ZoneOffset.UTC), end.atStartOfDay().toInstant(ZoneOffset.UTC)),
                new Money(monthly, currency), new Evidence(summary, figures, series, refs), ID, parameters, context.asOf());
    }

    private static Severity severity(BigDecimal monthly) {
        if (monthly.compareTo(BigDecimal.valueOf(2000)) >= 0) {
            return Severity.CRITICAL;
        }
        if (monthly.compareTo(BigDecimal.valueOf(500)) >= 0) {
            return Severity.HIGH;
        }
        if (monthly.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }
}
