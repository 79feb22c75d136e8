package dev.lakesentry.runner.command;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.runner.support.RunnerException;
import dev.lakesentry.runner.support.Session;
import dev.lakesentry.runner.report.Fmt;
import dev.lakesentry.runner.report.TextSummary;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Shows the evidence and the ledger rows behind an insight, a plan or a cost line. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Shows the evidence and the ledger rows behind an insight (ins-...), a plan (plan-...) or a cost line.",
            "A cost line is DATE/WORKSPACE/SKU as in export-costs, e.g. 2025-02-10/1234567890123456/PREMIUM_JOBS_COMPUTE "
                    + "(an empty workspace for account-level usage: 2025-02-10//SKU)."})
public final class ExplainCommand extends RunnerCommand {
    private static final String USAGE_TABLE = "ledger_usage_line_item";
    private static final int MAX_ROWS = 40;

    @Parameters(index = "0", paramLabel = "ID", description = "An insight id, a plan id or DATE/WORKSPACE/SKU.")
    String id;

    @Override
    public Integer call() {
        try (Session session = open()) {
            String account = session.account();
            PrintWriter out = out();
            if (id.startsWith("ins-")) {
                Insight i = session.store().insightReader().insight(account, id).orElseThrow(() -> new RunnerException(
                        "No insight with id", id, "list them with 'insights'"));
                insight(session, account, i, out);
            } else if (id.startsWith("plan-")) {
                ActionPlan p = session.store().planReader().plan(account, id).orElseThrow(() -> new RunnerException(
                        "No plan with id", id, "list them with 'plans'"));
                out.printf(Locale.ROOT, "Plan %s: %s on %s %s (workspace %s)%n  change: %s%n  estimated saving %s/month, risk %s, %s%n%n",
                        p.id(), p.actionType().value(), p.target().kind(), p.target().resourceId(), p.target().workspaceId(),
                        TextSummary.changes(p.changes()), Fmt.money(p.estimatedMonthlySaving().amount(),
                                p.estimatedMonthlySaving().currency().getCurrencyCode()), p.riskTier(),
                        p.reversible() ? "reversible" : "not reversible");
                session.store().insightReader().insight(account, p.insightId()).ifPresent(i -> insight(session, account, i, out));
            } else {
                costLine(session, account, out);
            }
            out.flush();
        }
        return 0;
    }

    private void insight(Session session, String account, Insight i, PrintWriter out) {
        out.printf(Locale.ROOT, "Insight %s: %s, %s%n", i.id(), i.type().value(), i.severity());
        out.printf(Locale.ROOT, "  subject: %s %s%s%n", i.subject().kind(), i.subject().id(),
                i.subject().workspaceId() == null ? "" : " (workspace " + i.subject().workspaceId() + ")");
        out.printf(Locale.ROOT, "  window: %s to %s%n", i.window().start(), i.window().end());
        out.printf(Locale.ROOT, "  estimated impact: %s/month%n", Fmt.money(i.estimatedMonthlyImpact().amount(),
                i.estimatedMonthlyImpact().currency().getCurrencyCode()));
        out.printf(Locale.ROOT, "  detector: %s %s, as of %s%n", i.detectorId(), i.detectorParameters(), i.detectedAt());
        out.printf(Locale.ROOT, "%nEvidence: %s%n", i.evidence().summary());
        i.evidence().figures().forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %s%n", k, v));
        if (!i.evidence().series().isEmpty()) {
            out.printf(Locale.ROOT, "%nSeries (%d points, * = flagged)%n", i.evidence().series().size());
            for (SeriesPoint p : i.evidence().series()) {
                out.printf(Locale.ROOT, "  %s %s %14s%n", p.flagged() ? "*" : " ", p.at(), p.value().setScale(2, java.math.RoundingMode.HALF_EVEN));
            }
        }
        List<LedgerRowRef> refs = i.evidence().rows();
        out.printf(Locale.ROOT, "%nLedger rows (%d)%n", refs.size());
        LocalDate from = LocalDate.ofInstant(i.window().start(), ZoneOffset.UTC).minusDays(60);
        LocalDate to = LocalDate.ofInstant(i.window().end(), ZoneOffset.UTC).plusDays(1);
        Map<String, UsageLineItem> usage = new HashMap<>();
        if (refs.stream().anyMatch(r -> r.table().equals(USAGE_TABLE))) {
            session.store().ledgerReader().usage(account, from, to).forEach(u -> usage.putIfAbsent(u.recordId(), u));
        }
        int shown = 0;
        for (LedgerRowRef r : refs) {
            if (shown++ == MAX_ROWS) {
                out.printf(Locale.ROOT, "  ... and %d more row(s) (--format json of 'insights' lists them all)%n", refs.size() - MAX_ROWS);
                break;
            }
            UsageLineItem u = r.table().equals(USAGE_TABLE) ? usage.get(r.key()) : null;
            out.println(u == null ? "  " + r.table() + " " + r.key() : "  " + usageLine(u));
        }
    }

    private void costLine(Session session, String account, PrintWriter out) {
        String[] parts = id.split("/", -1);
        LocalDate day;
        try {
            day = parts.length == 3 ? LocalDate.parse(parts[0]) : null;
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null || parts[2].isBlank()) {
            throw new RunnerException("explain needs an insight id (ins-...), a plan id (plan-...) or DATE/WORKSPACE/SKU, got", id,
                    "copy an id from 'insights', 'plans' or a line of 'export-costs'");
        }
        String ws = parts[1];
        String sku = parts[2];
        List<UsageLineItem> rows = session.store().ledgerReader().usage(account, day, day).stream()
                .filter(u -> (u.workspaceId() == null ? "" : u.workspaceId()).equals(ws) && u.skuName().equals(sku)).toList();
        if (rows.isEmpty()) {
            throw new RunnerException("No ledger rows for cost line", id, "check the date, workspace and SKU against 'export-costs'");
        }
        BigDecimal quantity = rows.stream().map(UsageLineItem::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cost = rows.stream().filter(u -> u.listCost() != null).map(u -> u.listCost().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        out.printf(Locale.ROOT, "Cost line %s: %d ledger row(s), quantity %s, list cost %s (exact %s)%s%n", id, rows.size(),
                quantity.stripTrailingZeros().toPlainString(), Fmt.amount(cost), cost.toPlainString(),
                rows.stream().anyMatch(UsageLineItem::provisional) ? ", provisional" : ", final");
        out.printf(Locale.ROOT, "%nLedger rows%n");
        rows.stream().limit(MAX_ROWS).forEach(u -> out.println("  " + usageLine(u)));
        if (rows.size() > MAX_ROWS) {
            out.printf(Locale.ROOT, "  ... and %d more%n", rows.size() - MAX_ROWS);
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        rows.forEach(u -> ids.add(u.recordId()));
        List<CostAllocation> allocations = session.store().metricsReader().allocations(account, day, day).stream()
                .filter(a -> ids.contains(a.recordId())).toList();
        Map<String, BigDecimal> byOwner = new java.util.TreeMap<>();
        allocations.forEach(a -> byOwner.merge(a.owner() + " (" + a.ruleId() + ", " + a.confidence() + ")", a.amount().amount(), BigDecimal::add));
        out.printf(Locale.ROOT, "%nAttribution (%d allocation(s))%n", allocations.size());
        byOwner.forEach((k, v) -> out.printf(Locale.ROOT, "  %-60s %14s%n", k, Fmt.amount(v)));
    }

    private static String usageLine(UsageLineItem u) {
        return String.format(Locale.ROOT, "%s %s ws=%s %s %s %s %s qty=%s cost=%s %s%s", USAGE_TABLE, u.recordId(),
                u.workspaceId(), u.usageStart(), u.skuName(), u.recordType(), u.workUnit() == null ? "" : u.workUnit().key(),
                u.quantity().stripTrailingZeros().toPlainString(),
                u.listCost() == null ? "unpriced" : u.listCost().amount().stripTrailingZeros().toPlainString(),
                u.listCost() == null ? "" : u.listCost().currency().getCurrencyCode(),
                u.customTags().isEmpty() ? "" : " tags=" + u.customTags());
    }
}
