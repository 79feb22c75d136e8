package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.push.SourceRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expected cost computed from the generated rows themselves: it reads each list-price row and each
 * billing row as emitted (decimal text back to {@link BigDecimal}) and prices every billing row with
 * the effective list price valid at its {@code usage_end_time} for the same SKU, cloud and unit.
 * Each line's cost is rounded to 18 decimal places, half away from zero, as a ledger line stores money
 * ({@code DECIMAL(38,18)}): quantities with 18 decimals times prices can have 20 or more, and without the
 * line rounding a day whose exact total is 0.32500000000000000005 rounds to 0.33 here and 0.32 in a ledger
 * whose lines sum to exactly 0.325.
 */
final class CostTruth {
    /** Decimal places of one line's money, as the ledger keeps it. */
    static final int LINE_SCALE = 18;

    private record PriceRow(String currency, Instant start, Instant end, BigDecimal price) {
    }

    private record Key(LocalDate date, String workspace, String sku, String currencyOrCloud, String unit)
            implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = date.compareTo(o.date);
            if (c == 0) {
                c = workspace.compareTo(o.workspace);
            }
            if (c == 0) {
                c = sku.compareTo(o.sku);
            }
            if (c == 0) {
                c = currencyOrCloud.compareTo(o.currencyOrCloud);
            }
            return c == 0 ? unit.compareTo(o.unit) : c;
        }
    }

    private static final class Acc {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        long rows;
    }

    private final Map<String, List<PriceRow>> prices = new HashMap<>();
    private final TreeMap<Key, Acc> priced = new TreeMap<>();
    private final TreeMap<Key, Acc> unpriced = new TreeMap<>();

    void price(SourceRecord r) {
        Map<String, Object> v = r.values();
        @SuppressWarnings("unchecked")
        Map<String, Object> pricing = (Map<String, Object>) v.get("pricing");
        @SuppressWarnings("unchecked")
        Map<String, Object> effective = (Map<String, Object>) pricing.get("effective_list");
        String end = (String) v.get("price_end_time");
        prices.computeIfAbsent(key((String) v.get("sku_name"), (String) v.get("cloud"), (String) v.get("usage_unit")),
                k -> new ArrayList<>()).add(new PriceRow((String) v.get("currency_code"),
                Instant.parse((String) v.get("price_start_time")), end == null ? null : Instant.parse(end),
                new BigDecimal((String) effective.get("default"))));
    }

    void usage(SourceRecord r) {
        Map<String, Object> v = r.values();
        String sku = (String) v.get("sku_name");
        String cloud = (String) v.get("cloud");
        String unit = (String) v.get("usage_unit");
        String ws = (String) v.get("workspace_id");
        LocalDate date = LocalDate.parse((String) v.get("usage_date"));
        Instant end = Instant.parse((String) v.get("usage_end_time"));
        BigDecimal qty = new BigDecimal((String) v.get("usage_quantity"));
        Map<String, PriceRow> byCurrency = new TreeMap<>();
        for (PriceRow p : prices.getOrDefault(key(sku, cloud, unit), List.of())) {
            if (!end.isBefore(p.start) && (p.end == null || end.isBefore(p.end))) {
                if (byCurrency.put(p.currency, p) != null) {
                    throw new IllegalStateException("Overlapping list prices for " + sku + " " + cloud + " at " + end);
                }
            }
        }
        if (byCurrency.isEmpty()) {
            Acc a = unpriced.computeIfAbsent(new Key(date, ws == null ? "" : ws, sku, cloud, unit), k -> new Acc());
            a.quantity = a.quantity.add(qty);
            a.rows++;
            return;
        }
        for (PriceRow p : byCurrency.values()) {
            Acc a = priced.computeIfAbsent(new Key(date, ws == null ? "" : ws, sku, p.currency, unit), k -> new Acc());
            a.quantity = a.quantity.add(qty);
            a.cost = a.cost.add(qty.multiply(p.price).setScale(LINE_SCALE, RoundingMode.HALF_UP));
            a.rows++;
        }
    }

    private static String key(String sku, String cloud, String unit) {
        return sku + "\u0000" + cloud + "\u0000" + unit;
    }

    List<ExpectedCost> expectedCosts() {
        List<ExpectedCost> out = new ArrayList<>(priced.size());
        priced.forEach((k, a) -> out.add(new ExpectedCost(k.date, k.workspace, k.sku, k.currencyOrCloud, a.quantity,
                a.cost, a.rows)));
        return out;
    }

    List<UnpricedUsage> unpricedUsage() {
        List<UnpricedUsage> out = new ArrayList<>(unpriced.size());
        unpriced.forEach((k, a) -> out.add(new UnpricedUsage(k.date, k.workspace, k.sku, k.currencyOrCloud, k.unit,
                a.quantity, a.rows)));
        return out;
    }
}
