package dev.lakesentry.runner.command;

import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.metrics.CostDimension;
import dev.lakesentry.runner.support.RunnerException;
import dev.lakesentry.runner.support.Session;
import dev.lakesentry.runner.report.CostExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The cost export a user reconciles against an invoice. */
@Command(name = "export-costs", mixinStandardHelpOptions = true,
        description = {"Exports costs as CSV.",
            "--by sku: cost per day x account x workspace x SKU x unit, with quantity, list cost (full precision), currency, "
                    + "the provisional flag and unpriced rows, from the ledger.",
            "--by team: attributed cost per day x team, the unattributed bucket as its own row."})
public final class ExportCostsCommand extends RunnerCommand {
    /** What to group by. */
    public enum By { sku, team }

    /** Output formats. */
    public enum Format { csv }

    @Option(names = "--by", defaultValue = "sku", description = "sku or team (default ${DEFAULT-VALUE}).")
    By by;

    @Option(names = "--format", defaultValue = "csv", description = "csv (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of stdout.")
    Path file;

    @Override
    public Integer call() {
        try (Session session = open()) {
            String account = session.account();
            if (file == null) {
                export(session, account, out());
            } else {
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                    export(session, account, w);
                } catch (IOException e) {
                    throw new RunnerException("Cannot write", file, "check that its directory exists and is writable", e);
                }
                out().println("Wrote " + file.toAbsolutePath());
                out().flush();
            }
        }
        return 0;
    }

    private void export(Session session, String account, PrintWriter w) {
        var usage = session.store().ledgerReader().usage(account, CostExport.FIRST_DAY, CostExport.LAST_DAY);
        if (by == By.sku) {
            CostExport.writeSkuCsv(CostExport.bySku(usage), w);
        } else {
            Set<LocalDate> provisional = usage.stream().filter(UsageLineItem::provisional).map(UsageLineItem::usageDate)
                    .collect(Collectors.toCollection(TreeSet::new));
            CostExport.writeTeamCsv(CostExport.byTeam(session.store().metricsReader()
                    .dailyCosts(account, CostDimension.TEAM, CostExport.FIRST_DAY, CostExport.LAST_DAY), provisional), w);
        }
    }
}
