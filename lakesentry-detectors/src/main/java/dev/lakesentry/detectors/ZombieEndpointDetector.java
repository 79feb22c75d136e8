package dev.lakesentry.detectors;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.insight.Evidence;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.ledger.ServingDailyRequests;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WorkUnitType;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.PluginConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Zombie serving endpoints: endpoints billed at least {@code minCost} in the look-back (whole UTC days
 * before the as-of day) that answered no request in it. The monthly saving is the look-back's cost
 * projected to 30 days; severity by it: low below 100, medium from 100, high from 500, critical from
 * 2000. With {@code requireRequestData} (the default) a look-back is judged only when the account's
 * request data reaches back to its first day: billing keeps a year and request data 90 days, so without
 * it every endpoint of a first collection's older weeks would look like a zombie.
 *
 * @since 0.1.0
 */
public final class ZombieEndpointDetector implements Detector {

    /** The detector's id. */
    public static final String ID = "lakesentry.zombie-endpoint";

    private final int lookBackDays;
    private final BigDecimal minCost;
    private final boolean requireRequestData;
    private final Map<String, String> parameters;

    /** With the default settings. */
    public ZombieEndpointDetector() {
        this(PluginConfig.empty());
    }

    /**
     * With the given settings (see the module README).
     *
     * @throws dev.lakesentry.api.ConfigurationException naming the key when a setting is invalid or unknown
     */
    public ZombieEndpointDetector(PluginConfig config) {
        Settings s = new Settings(ID, config);
        lookBackDays = s.integer("lookBackDays", 7, 1);
        minCost = s.money("minCost", "10");
        requireRequestData = s.flag("requireRequestData", true);
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

    private static String endpointKey(UsageLineItem u) {
        if (u.workspaceId() == null) {
            return null;
        }
        if (u.endpointId() != null) {
            return u.workspaceId() + ":" + u.endpointId();
        }
        if (u.workUnit() != null && u.workUnit().type() == WorkUnitType.SERVING_ENDPOINT) {
            return u.workspaceId() + ":" + u.workUnit().externalId();
        }
        return null;
    }

    @Override
    public List<Insight> detect(DetectionContext context) {
        LocalDate last = Support.lastCompleteDay(context.asOf());
        LocalDate first = last.minusDays(lookBackDays - 1L);
        // "No request" is only a claim where request data exists: not before the account's first request day.
        Optional<LocalDate> requestDataSince = context.ledger().earliestServingRequestDay(context.accountId(), last);
        if (requireRequestData && (requestDataSince.isEmpty() || requestDataSince.get().isAfter(first))) {
            return List.of();
        }
        ResourceCosts costs = new ResourceCosts(context.ledger().usage(context.accountId(), first, last),
                ZombieEndpointDetector::endpointKey);
        Map<String, Long> requests = new TreeMap<>();
        Map<String, List<ServingDailyRequests>> requestRows = new TreeMap<>();
        for (ServingDailyRequests r : context.ledger().servingRequests(context.accountId(), first, last)) {
            String key = r.workspaceId() + ":" + r.endpointId();
            requests.merge(key, r.requests(), Long::sum);
            requestRows.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Insight> out = new ArrayList<>();
        for (String key : endpointKeys(costs)) {
            List<UsageLineItem> rows = costs.rows(key);
            BigDecimal cost = ResourceCosts.sum(rows);
            if (requests.getOrDefault(key, 0L) > 0 || cost.compareTo(minCost) < 0 || cost.signum() <= 0) {
                continue;
            }
            String workspace = key.substring(0, key.indexOf(':'));
            String endpoint = key.substring(key.indexOf(':') + 1);
            BigDecimal monthly = Support.monthly(cost, lookBackDays);
            String currency = costs.currency(key).getCurrencyCode();
            Map<LocalDate, BigDecimal> daily = new TreeMap<>();
            rows.forEach(u -> daily.merge(u.usageDate(), u.listCost().amount(), BigDecimal::add));
            List<SeriesPoint> series = new ArrayList<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                BigDecimal c = daily.getOrDefault(d, BigDecimal.ZERO);
                series.add(new SeriesPoint(Support.startOf(d), c, c.signum() > 0));
            }
            List<LedgerRowRef> refs = new ArrayList<>(Clusters.usageRows(rows));
            requestRows.getOrDefault(key, List.of()).forEach(r -> refs.add(new LedgerRowRef(
                    "ledger_serving_daily_requests", r.workspaceId() + ":" + r.endpointId() + ":" + r.day())));
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("lookBackDays", String.valueOf(lookBackDays));
            figures.put("billedDays", String.valueOf(daily.size()));
            figures.put("cost", Support.fmt(cost));
            figures.put("requests", "0");
            figures.put("requestRows", String.valueOf(requestRows.getOrDefault(key, List.of()).size()));
            figures.put("requestDataSince", requestDataSince.map(LocalDate::toString).orElse("none"));
            String summary = "Serving endpoint " + endpoint + " was billed " + Support.fmt(cost) + " " + currency
                    + " on " + daily.size() + " of the last " + lookBackDays + " days and answered no request; about "
                    + Support.fmt(monthly) + " " + currency + " a month";
            out.add(Insight.of(context.accountId(), InsightType.ZOMBIE_SERVING_ENDPOINT, Support.moneyBands(monthly),
                    new Subject(SubjectKind.SERVING_ENDPOINT, endpoint, workspace),
                    new TimeWindow(Support.startOf(first), Support.startOf(last.plusDays(1))),
                    new Money(monthly, costs.currency(key)), new Evidence(summary, figures, series, refs), ID,
                    parameters, context.asOf()));
        }
        return Support.ordered(out);
    }

    private static List<String> endpointKeys(ResourceCosts costs) {
        return costs.keys();
    }
}
