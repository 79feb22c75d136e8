package dev.lakesentry.runner.command;

import dev.lakesentry.api.push.ConnectorHealth;
import dev.lakesentry.runner.support.Session;
import dev.lakesentry.runner.support.StageRuns;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** Connector health and each stage's last run. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows connector health (per connector and table) and each stage's last run: as-of time, rows, duration, outcome.")
public final class StatusCommand extends RunnerCommand {
    @Override
    public Integer call() {
        try (Session session = open()) {
            String account = session.account();
            out().printf(Locale.ROOT, "Account %s on %s; data as of %s%n%n", account, session.store().describe(),
                    session.lakeSentry().dataAsOf(account));
            List<ConnectorHealth> health = session.lakeSentry().connectorHealth().health(account);
            out().printf(Locale.ROOT, "Connectors%n  %-20s %-40s %-8s %-24s %12s %-24s %s%n", "CONNECTOR", "TABLE", "STATUS",
                    "LAST PUSH", "ROWS", "WATERMARK", "LAST REJECTION");
            for (ConnectorHealth h : health) {
                out().printf(Locale.ROOT, "  %-20s %-40s %-8s %-24s %,12d %-24s %s%n", h.connectorId(), h.table().fullName(),
                        h.status(), h.lastPushAt(), h.rows(), h.watermark() == null ? "" : h.watermark(),
                        h.lastRejection() == null ? "" : h.lastRejection().rejectedAt() + " " + Session.oneLine(h.lastRejection().reason()));
            }
            List<StageRuns.Run> runs = session.stageRuns().last(account);
            out().printf(Locale.ROOT, "%nStages (last run recorded by this runner in %s)%n  %-15s %-22s %12s %12s %10s %-10s %s%n",
                    session.dataDir().resolve("stage-runs.json"), "STAGE", "AS OF", "ROWS IN", "ROWS OUT", "DURATION", "OUTCOME", "DETAIL");
            for (StageRuns.Run r : runs) {
                out().printf(Locale.ROOT, "  %-15s %-22s %,12d %,12d %8d ms %-10s %s (finished %s)%n", r.stage(), r.asOf(), r.rowsIn(),
                        r.rowsOut(), r.durationMs(), r.outcome(), r.detail(), r.finishedAt());
            }
            if (runs.isEmpty()) {
                out().println("  none recorded yet: run 'run' or 'rebuild'");
            }
            out().flush();
        }
        return 0;
    }
}
