package dev.lakesentry.runner.command;

import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.runner.support.Session;
import dev.lakesentry.runner.report.Fmt;
import dev.lakesentry.runner.report.ReportData;
import dev.lakesentry.runner.report.TextSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the account's action plans. */
@Command(name = "plans", mixinStandardHelpOptions = true, description = "Lists action plans, largest estimated saving first.")
public final class PlansCommand extends RunnerCommand {
    /** Output formats. */
    public enum Format { table, json }

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        try (Session session = open()) {
            ReportData d = ReportData.load(session.lakeSentry(), session.account());
            if (format == Format.json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (ActionPlan p : d.plans()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("plan", p);
                    m.put("status", d.planStatus().get(p.id()));
                    out.add(m);
                }
                printJson(out);
                return 0;
            }
            out().printf(Locale.ROOT, "%-29s %-28s %-40s %16s %-6s %-4s %-9s %s%n", "ID", "ACTION", "TARGET", "SAVING/MONTH",
                    "RISK", "UNDO", "STATUS", "CHANGE");
            for (ActionPlan p : d.plans()) {
                out().printf(Locale.ROOT, "%-29s %-28s %-40s %16s %-6s %-4s %-9s %s%n", p.id(), p.actionType().value(),
                        Fmt.cut(p.target().kind() + " " + p.target().resourceId(), 40),
                        Fmt.money(p.estimatedMonthlySaving().amount(), p.estimatedMonthlySaving().currency().getCurrencyCode()),
                        p.riskTier(), p.reversible() ? "yes" : "no", d.planStatus().get(p.id()), TextSummary.changes(p.changes()));
            }
            out().printf(Locale.ROOT, "%d plan(s).%n", d.plans().size());
            out().flush();
        }
        return 0;
    }
}
