package dev.lakesentry.runner.command;

import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.core.ingest.CollectorTokens;
import dev.lakesentry.runner.support.Globals;
import dev.lakesentry.runner.support.PipelineRun;
import dev.lakesentry.runner.support.Progress;
import dev.lakesentry.runner.support.Session;
import dev.lakesentry.runner.support.StageRuns;
import dev.lakesentry.runner.report.HtmlReport;
import dev.lakesentry.runner.report.ReportData;
import dev.lakesentry.runner.report.TextSummary;
import dev.lakesentry.testkit.generator.AccountGenerator;
import dev.lakesentry.testkit.generator.GeneratedAccount;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import dev.lakesentry.testkit.generator.export.PushEnvelopes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The demo: generates the synthetic demo account, pushes it through in-process ingestion with a
 * collector token it issues, runs the whole pipeline, prints a summary and writes the HTML report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates the demo account, ingests it, runs transformation, analysis and plans, prints a summary "
                + "and writes the HTML report.",
            "Without --data-dir or --jdbc-url it uses a fresh embedded store in a new directory under ~/.lakesentry."})
public final class DemoCommand extends RunnerCommand {
    /** The connector id the demo's pushes come from. */
    public static final String CONNECTOR = "demo-generator";

    @Option(names = "--seed", defaultValue = "42", description = "The generator's seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--days", defaultValue = "28", paramLabel = "DAYS",
            description = "Days of usage to generate (default ${DEFAULT-VALUE}; the test kit's demo profile has 60).")
    int days;

    @Option(names = "--timeline-days", defaultValue = "4", paramLabel = "DAYS",
            description = "Days of per-minute node timeline to generate (default ${DEFAULT-VALUE}; the demo profile has 90, "
                    + "about 2 million rows).")
    int timelineDays;

    @Option(names = "--report", paramLabel = "FILE", description = "Where to write the HTML report (default: report.html in the data directory).")
    Path report;

    /**
     * The test kit's demo profile (4 workspaces, every kind of labelled anomaly), lightened so that the
     * demo runs in well under a minute: {@code days} of usage and the per-minute node timeline (most of
     * the rows) only for the last {@code timelineDays}.
     */
    static GeneratorConfig config(long seed, int days, int timelineDays) {
        if (days < 14 || timelineDays < 1) {
            throw new dev.lakesentry.runner.support.RunnerException("--days must be at least 14 and --timeline-days at least 1, were",
                    days + " and " + timelineDays, "use e.g. --days 28 --timeline-days 4");
        }
        return GeneratorConfig.demo(seed).toBuilder().days(days).timelineRetentionDays(timelineDays).build();
    }

    @Override
    public Integer call() {
        Instant began = clock().instant();
        Globals g = globals();
        Path dataDir = g.dataDir() != null ? g.dataDir() : freshDir();
        Progress progress = new Progress(err(), clock(), 4, terminal());
        out().printf(Locale.ROOT, "LakeSentry demo: store %s%n", g.jdbcUrl() != null ? g.jdbcUrl() : dataDir.toAbsolutePath());
        out().flush();

        GeneratorConfig config = config(seed, days, timelineDays);
        GeneratedAccount account = progress.step("Generating the demo account (seed " + seed + ", " + config.days() + " days, "
                        + config.workspaces() + " workspaces)", () -> AccountGenerator.generate(config),
                a -> String.format(Locale.ROOT, "%,d rows in %d tables", a.tables().values().stream().mapToLong(List::size).sum(),
                        a.tables().values().stream().filter(l -> !l.isEmpty()).count()));

        try (Session session = Session.open(g, dataDir, clock())) {
            LakeSentry ls = session.lakeSentry();
            String accountId = account.accountId();
            List<PushEnvelope> pushes = PushEnvelopes.forAccount(account, CONNECTOR, 5_000);
            progress.start("Ingesting " + pushes.size() + " pushes through the in-process ingestion");
            Instant ingestStart = clock().instant();
            CollectorTokens.IssuedToken token = ls.tokens().issue(CONNECTOR, accountId);
            long rows = 0;
            for (int i = 0; i < pushes.size(); i++) {
                rows += ls.ingestion().push(pushes.get(i), token.token()).rowsAppended();
                progress.advance(i + 1, pushes.size());
            }
            ls.tokens().revoke(token.tokenId());
            Instant ingestEnd = clock().instant();
            session.stageRuns().record(List.of(new StageRuns.Run(session.stageRuns().store(), accountId, "ingestion",
                    ls.dataAsOf(accountId).toString(), pushes.stream().mapToLong(PushEnvelope::recordCount).sum(), rows,
                    Duration.between(ingestStart, ingestEnd).toMillis(), "SUCCEEDED",
                    pushes.size() + " push(es) from connector " + CONNECTOR, ingestEnd.toString())));
            progress.done(String.format(Locale.ROOT, "%,d raw rows appended (token %s issued, then revoked)", rows, token.tokenId()));

            LakeSentry.PipelineReport report = progress.step("Transforming and analysing",
                    () -> PipelineRun.run(session, accountId, false, clock()),
                    r -> String.format(Locale.ROOT, "%,d ledger rows, %,d allocations, %d insights, %d plans",
                            r.transformation().rowsOut(), r.allocations(), r.detection().insights().size(), r.plans().size()));

            Path reportFile = this.report != null ? this.report : dataDir.resolve("report.html");
            ReportData data = progress.step("Writing the report", () -> {
                ReportData d = ReportData.load(ls, accountId);
                write(reportFile, HtmlReport.render(d, clock().instant()));
                return d;
            }, d -> reportFile.toAbsolutePath().toString());

            TextSummary.print(data, out());
            if (!report.detection().failures().isEmpty()) {
                out().printf(Locale.ROOT, "%nDetectors that failed: %s%n", report.detection().failures());
            }
            out().printf(Locale.ROOT, "%nReport: %s%n", reportFile.toAbsolutePath());
            out().printf(Locale.ROOT, "Done in %.1f s. Explore further with: lakesentry-runner --data-dir %s insights "
                    + "(or plans, export-costs, explain ID, status, report)%n",
                    Duration.between(began, clock().instant()).toMillis() / 1000.0, dataDir.toAbsolutePath());
            out().flush();
        }
        return 0;
    }

    private Path freshDir() {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(clock().instant());
        Path base = Globals.defaultDataDir();
        Path dir = base.resolve("demo-" + stamp);
        for (int i = 2; Files.exists(dir); i++) {
            dir = base.resolve("demo-" + stamp + "-" + i);
        }
        return dir;
    }
}
