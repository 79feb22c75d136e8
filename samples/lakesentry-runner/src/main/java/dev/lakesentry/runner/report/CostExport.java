package dev.lakesentry.runner.report;

import dev.lakesentry.api.ledger.PriceStatus;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.metrics.DailyCost;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cost export: what a user reconciles against an invoice. By SKU, from the ledger's line items:
 * cost per usage day × account × workspace × SKU × unit, with quantity, list cost at full precision,
 * currency, whether the day is still provisional and how many rows had no price. By team, from the
 * attribution rollup: cost per day × owner, with the unattributed bucket as its own row. Amounts are
 * not rounded here (rounding happens once, when a person reads a total).
 */
public final class CostExport {
    /** The widest date range the export reads. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    /** The widest date range the export reads. */
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private CostExport() {
    }

    /**
     * One line of the SKU export.
     *
     * @param usageDate    the usage day
     * @param accountId    the account
     * @param workspaceId  the workspace, empty for account-level usage
     * @param skuName      the SKU
     * @param usageUnit    the unit of the quantity
     * @param quantity     the summed quantity, corrections included
     * @param listCost     the summed list cost of the priced rows
     * @param currency     the list cost's currency, empty when no row of the line was priced
     * @param provisional  whether the day may still be corrected
     * @param unpricedRows how many of the line's rows no price matched
     */
    public record SkuLine(LocalDate usageDate, String accountId, String workspaceId, String skuName, String usageUnit,
                          BigDecimal quantity, BigDecimal listCost, String currency, boolean provisional,
                          long unpricedRows) {
    }

    /**
     * One line of the team export.
     *
     * @param usageDate   the usage day
     * @param accountId   the account
     * @param team        the team, {@code bucket:<name>} for a shared bucket, or {@code unattributed}
     * @param cost        the attributed cost
     * @param currency    its currency
     * @param provisional whether the day may still be corrected
     */
    public record TeamLine(LocalDate usageDate, String accountId, String team, BigDecimal cost, String currency,
                           boolean provisional) {
    }

    /** Groups ledger line items into SKU lines, ordered by day, workspace, SKU, unit and currency. */
    public static List<SkuLine> bySku(Collection<UsageLineItem> usage) {
        Map<String, SkuLine> lines = new TreeMap<>();
        for (UsageLineItem u : usage) {
            boolean priced = u.priceStatus() == PriceStatus.PRICED;
            String currency = priced ? u.listCost().currency().getCurrencyCode() : "";
            String ws = u.workspaceId() == null ? "" : u.workspaceId();
            String key = u.usageDate() + "|" + ws + "|" + u.skuName() + "|" + u.usageUnit() + "|" + currency;
            SkuLine add = new SkuLine(u.usageDate(), u.accountId(), ws, u.skuName(), u.usageUnit(), u.quantity(),
                    priced ? u.listCost().amount() : BigDecimal.ZERO, currency, u.provisional(), priced ? 0 : 1);
            lines.merge(key, add, (a, b) -> new SkuLine(a.usageDate(), a.accountId(), a.workspaceId(), a.skuName(),
                    a.usageUnit(), a.quantity().add(b.quantity()), a.listCost().add(b.listCost()), a.currency(),
                    a.provisional() || b.provisional(), a.unpricedRows() + b.unpricedRows()));
        }
        return List.copyOf(lines.values());
    }

    /** The team lines of the attribution rollup, ordered by day and team; provisional days from the ledger. */
    public static List<TeamLine> byTeam(Collection<DailyCost> teamCosts, Set<LocalDate> provisionalDays) {
        List<TeamLine> out = new ArrayList<>();
        for (DailyCost c : teamCosts) {
            out.add(new TeamLine(c.day(), c.accountId(), c.key(), c.cost().amount(), c.cost().currency().getCurrencyCode(),
                    provisionalDays.contains(c.day())));
        }
        out.sort(Comparator.comparing(TeamLine::usageDate).thenComparing(TeamLine::team).thenComparing(TeamLine::currency));
        return out;
    }

    /** The total list cost per currency of SKU lines, unrounded. */
    public static Map<String, BigDecimal> skuTotals(Collection<SkuLine> lines) {
        Map<String, BigDecimal> out = new TreeMap<>();
        lines.stream().filter(l -> !l.currency().isEmpty())
                .forEach(l -> out.merge(l.currency(), l.listCost(), BigDecimal::add));
        return out;
    }

    /** The total attributed cost per currency of team lines, unrounded. */
    public static Map<String, BigDecimal> teamTotals(Collection<TeamLine> lines) {
        Map<String, BigDecimal> out = new TreeMap<>();
        lines.forEach(l -> out.merge(l.currency(), l.cost(), BigDecimal::add));
        return out;
    }

    /** Writes SKU lines as CSV with a header. */
    public static void writeSkuCsv(List<SkuLine> lines, PrintWriter out) {
        out.print("usage_date,account_id,workspace_id,sku_name,usage_unit,quantity,list_cost,currency,provisional,unpriced_rows\n");
        for (SkuLine l : lines) {
            out.print(String.join(",", l.usageDate().toString(), csv(l.accountId()), csv(l.workspaceId()), csv(l.skuName()),
                    csv(l.usageUnit()), plain(l.quantity()), l.currency().isEmpty() ? "" : plain(l.listCost()),
                    l.currency(), String.valueOf(l.provisional()), String.valueOf(l.unpricedRows())));
            out.print('\n');
        }
        out.flush();
    }

    /** Writes team lines as CSV with a header. */
    public static void writeTeamCsv(List<TeamLine> lines, PrintWriter out) {
        out.print("usage_date,account_id,team,cost,currency,provisional\n");
        for (TeamLine l : lines) {
            out.print(String.join(",", l.usageDate().toString(), csv(l.accountId()), csv(l.team()), plain(l.cost()),
                    l.currency(), String.valueOf(l.provisional())));
            out.print('\n');
        }
        out.flush();
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String csv(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
