package dev.lakesentry.runner.report;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.metrics.SignificanceScore;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.FieldChange;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The summary the demo prints: spend by team and SKU, the top work units by significance, insights by
 * severity with their evidence, and plans with their estimated savings.
 */
public final class TextSummary {
    private static final int TOP = 10;
    private static final int PER_SEVERITY = 5;

    private TextSummary() {
    }

    /** Prints the summary. */
    public static void print(ReportData d, PrintWriter out) {
        String cur = d.mainCurrency();
        BigDecimal total = d.totals().getOrDefault(cur, BigDecimal.ZERO);
        out.printf(Locale.ROOT, "%nAccount %s, usage %s to %s, data as of %s%n", d.accountId(), d.firstDay(), d.lastDay(), d.asOf());
        out.printf(Locale.ROOT, "Total list cost: %s", Fmt.money(total, cur));
        d.totals().forEach((c, v) -> {
            if (!c.equals(cur)) {
                out.printf(Locale.ROOT, " + %s", Fmt.money(v, c));
            }
        });
        out.printf(Locale.ROOT, " (%d unpriced row(s) kept apart)%n", d.unpricedRows());

        out.printf(Locale.ROOT, "%nSpend by team%n");
        Map<String, BigDecimal> teams = d.teamTotals();
        BigDecimal teamTotal = teams.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        teams.forEach((t, v) -> out.printf(Locale.ROOT, "  %-24s %16s %7s%n", t, Fmt.money(v, cur), Fmt.percent(v, teamTotal)));

        out.printf(Locale.ROOT, "%nSpend by SKU%n");
        d.skuTotalsByName().entrySet().stream().limit(TOP).forEach(e -> out.printf(Locale.ROOT, "  %-44s %16s %7s%n",
                Fmt.cut(e.getKey(), 44), Fmt.money(e.getValue(), cur), Fmt.percent(e.getValue(), total)));
        if (d.skuTotalsByName().size() > TOP) {
            out.printf(Locale.ROOT, "  ... and %d more SKU(s)%n", d.skuTotalsByName().size() - TOP);
        }

        out.printf(Locale.ROOT, "%nTop work units by significance (0-100)%n");
        for (SignificanceScore s : d.scores().stream().limit(TOP).toList()) {
            out.printf(Locale.ROOT, "  %5.1f  %-10s %-36s %16s %s%n", s.score(),
                    s.workUnit().type().name().toLowerCase(Locale.ROOT), Fmt.cut(d.name(s.workUnit()), 36),
                    Fmt.money(s.cost().amount(), s.cost().currency().getCurrencyCode()),
                    s.badges().isEmpty() ? "" : s.badges().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        }

        out.printf(Locale.ROOT, "%nInsights: %d%n", d.insights().size());
        for (Severity sev : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            List<Insight> of = d.insights().stream().filter(i -> i.severity() == sev).toList();
            if (of.isEmpty()) {
                continue;
            }
            out.printf(Locale.ROOT, "  %s (%d)%n", sev, of.size());
            for (Insight i : of.stream().limit(PER_SEVERITY).toList()) {
                out.printf(Locale.ROOT, "    %s  %-26s %s/month  %s%n", i.id(), i.type().value(),
                        Fmt.money(i.estimatedMonthlyImpact().amount(), i.estimatedMonthlyImpact().currency().getCurrencyCode()),
                        i.detectorId());
                out.printf(Locale.ROOT, "      evidence: %s (%d series point(s), %d ledger row(s))%n",
                        Fmt.cut(i.evidence().summary(), 160), i.evidence().series().size(), i.evidence().rows().size());
            }
            if (of.size() > PER_SEVERITY) {
                out.printf(Locale.ROOT, "    ... and %d more %s insight(s) (see 'insights')%n", of.size() - PER_SEVERITY,
                        sev.name().toLowerCase(Locale.ROOT));
            }
        }

        BigDecimal savings = d.plans().stream().map(p -> p.estimatedMonthlySaving().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        out.printf(Locale.ROOT, "%nPlans: %d, estimated savings %s/month%n", d.plans().size(), Fmt.money(savings, cur));
        for (ActionPlan p : d.plans().stream().limit(TOP).toList()) {
            out.printf(Locale.ROOT, "  %s  %-28s %-40s %14s/month  %s%s%n", p.id(), p.actionType().value(),
                    Fmt.cut(p.target().kind() + " " + p.target().resourceId(), 40),
                    Fmt.money(p.estimatedMonthlySaving().amount(), p.estimatedMonthlySaving().currency().getCurrencyCode()),
                    p.riskTier(), p.reversible() ? ", reversible" : "");
            out.printf(Locale.ROOT, "      change: %s%n", changes(p.changes()));
        }
        if (d.plans().size() > TOP) {
            out.printf(Locale.ROOT, "  ... and %d more plan(s) (see 'plans')%n", d.plans().size() - TOP);
        }
        out.flush();
    }

    /** A plan's changes as {@code field: before -> after}. */
    public static String changes(List<FieldChange> changes) {
        return changes.stream().map(c -> c.field() + ": " + c.before() + " -> " + c.after()).collect(Collectors.joining("; "));
    }
}
