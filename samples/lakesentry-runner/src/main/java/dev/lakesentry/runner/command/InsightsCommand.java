package dev.lakesentry.runner.command;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.runner.support.Session;
import dev.lakesentry.runner.report.Fmt;
import dev.lakesentry.runner.report.ReportData;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the account's insights. */
@Command(name = "insights", mixinStandardHelpOptions = true, description = "Lists insights, most severe and costly first.")
public final class InsightsCommand extends RunnerCommand {
    /** Output formats. */
    public enum Format { table, json }

    @Option(names = "--format", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--min-severity", defaultValue = "LOW", description = "LOW, MEDIUM, HIGH or CRITICAL (default ${DEFAULT-VALUE}).")
    Severity minSeverity;

    @Override
    public Integer call() {
        try (Session session = open()) {
            List<Insight> insights = ReportData.load(session.lakeSentry(), session.account()).insights().stream()
                    .filter(i -> i.severity().compareTo(minSeverity) >= 0).toList();
            if (format == Format.json) {
                printJson(insights);
                return 0;
            }
            out().printf(Locale.ROOT, "%-28s %-8s %-26s %-36s %-23s %16s%n", "ID", "SEVERITY", "TYPE", "SUBJECT", "WINDOW", "IMPACT/MONTH");
            for (Insight i : insights) {
                out().printf(Locale.ROOT, "%-28s %-8s %-26s %-36s %-23s %16s%n", i.id(), i.severity(), i.type().value(),
                        Fmt.cut(i.subject().kind() + " " + i.subject().id(), 36),
                        LocalDate.ofInstant(i.window().start(), ZoneOffset.UTC) + ".." + LocalDate.ofInstant(i.window().end(), ZoneOffset.UTC),
                        Fmt.money(i.estimatedMonthlyImpact().amount(), i.estimatedMonthlyImpact().currency().getCurrencyCode()));
            }
            out().printf(Locale.ROOT, "%d insight(s). Details: lakesentry-runner explain ID%n", insights.size());
            out().flush();
        }
        return 0;
    }
}
