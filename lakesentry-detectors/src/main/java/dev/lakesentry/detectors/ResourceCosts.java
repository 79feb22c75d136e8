package dev.lakesentry.detectors;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.ledger.UsageLineItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The priced usage of resources (clusters, warehouses, endpoints, jobs) keyed by a text key, so a
 * waste detector can turn hours into money and name the ledger rows it used. Rows in a currency other
 * than the resource's main one (the currency of most of its rows, ties by code) are left out.
 */
final class ResourceCosts {

    static final String USAGE_TABLE = "ledger_usage_line_item";

    private final Map<String, List<UsageLineItem>> byKey = new TreeMap<>();

    ResourceCosts(List<UsageLineItem> usage, Function<UsageLineItem, String> key) {
        for (UsageLineItem u : usage) {
            String k = key.apply(u);
            if (k != null && u.listCost() != null) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(u);
            }
        }
        byKey.values().forEach(l -> l.sort(Comparator.comparing(UsageLineItem::usageStart)
                .thenComparing(UsageLineItem::recordId)));
    }

    /** The resources' keys, sorted. */
    List<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    /** The rows of a resource, by start then record id. */
    List<UsageLineItem> rows(String key) {
        List<UsageLineItem> rows = byKey.getOrDefault(key, List.of());
        Currency c = currency(key);
        return rows.stream().filter(u -> u.listCost().currency().equals(c)).toList();
    }

    /** The rows of a resource whose usage starts in {@code [from, to)}. */
    List<UsageLineItem> rows(String key, Instant from, Instant to) {
        return rows(key).stream().filter(u -> !u.usageStart().isBefore(from) && u.usageStart().isBefore(to)).toList();
    }

    /** The resource's main currency (USD when it has no rows). */
    Currency currency(String key) {
        Map<String, Integer> counts = new TreeMap<>();
        for (UsageLineItem u : byKey.getOrDefault(key, List.of())) {
            counts.merge(u.listCost().currency().getCurrencyCode(), 1, Integer::sum);
        }
        String best = "USD";
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return Currency.getInstance(best);
    }

    /** The summed cost of the rows. */
    static BigDecimal sum(List<UsageLineItem> rows) {
        return rows.stream().map(UsageLineItem::listCost).map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
