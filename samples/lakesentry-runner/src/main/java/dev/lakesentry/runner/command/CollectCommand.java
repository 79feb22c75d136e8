package dev.lakesentry.runner.command;

import dev.lakesentry.collector.Collector;
import dev.lakesentry.collector.CollectorConfig;
import dev.lakesentry.collector.RunReport;
import dev.lakesentry.collector.Secret;
import dev.lakesentry.collector.TableReport;
import dev.lakesentry.collector.push.InProcessPushClient;
import dev.lakesentry.core.ingest.CollectorTokens;
import dev.lakesentry.runner.support.PipelineRun;
import dev.lakesentry.runner.support.RunnerException;
import dev.lakesentry.runner.support.Session;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Collects the system tables of a real workspace once, then runs the pipeline. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Reads the system tables of a Databricks workspace through a SQL warehouse, pushes them to in-process "
                + "ingestion, then runs the pipeline.",
            "The Databricks token comes from an environment variable (--token-env, default DATABRICKS_TOKEN)."})
public final class CollectCommand extends RunnerCommand {
    @Option(names = "--host", required = true, paramLabel = "URL", description = "The workspace URL, e.g. https://dbc-1234.cloud.databricks.com.")
    String host;

    @Option(names = "--warehouse", required = true, paramLabel = "ID", description = "The SQL warehouse that runs the queries.")
    String warehouse;

    @Option(names = "--token-env", defaultValue = "DATABRICKS_TOKEN", paramLabel = "VAR",
            description = "The environment variable holding the Databricks token (default ${DEFAULT-VALUE}).")
    String tokenEnv;

    @Option(names = "--connector", defaultValue = "runner", paramLabel = "NAME", description = "The connector id (default ${DEFAULT-VALUE}).")
    String connector;

    @Option(names = "--no-run", description = "Only collect; do not run the pipeline afterwards.")
    boolean noRun;

    @Override
    public Integer call() {
        String account = globals().account();
        if (account == null) {
            throw new RunnerException("Missing --account", null, "give the Databricks account id of the workspace: --account ID");
        }
        String token = System.getenv(tokenEnv);
        if (token == null || token.isBlank()) {
            throw new RunnerException("The Databricks token's environment variable is not set:", tokenEnv,
                    "export " + tokenEnv + "=<personal access token>, or name another variable with --token-env");
        }
        CollectorConfig config = CollectorConfig.builder().host(host).token(Secret.env(tokenEnv)).warehouseId(warehouse)
                .connectorId(connector).accountId(account).primary(true)
                .stateDirectory(globals().dataDirOrDefault().resolve("collector")).build();
        try (Session session = open()) {
            CollectorTokens.IssuedToken issued = session.lakeSentry().tokens().issue(connector, account);
            RunReport report;
            try (Collector collector = Collector.builder(config)
                    .pushClient(new InProcessPushClient(session.lakeSentry().ingestion(), issued.token())).clock(clock()).build()) {
                report = collector.runOnce();
            } finally {
                session.lakeSentry().tokens().revoke(issued.tokenId());
            }
            for (TableReport t : report.tables()) {
                out().printf(Locale.ROOT, "  %-44s %-9s %,10d read %,10d appended%s%n", t.table().fullName(), t.outcome(), t.rowsRead(),
                        t.rowsAppended(), t.error() == null ? "" : "  " + Session.oneLine(t.error()));
            }
            out().printf(Locale.ROOT, "Collected %,d rows from %s%s%n", report.rowsRead(), host, report.failed() ? " (some tables failed)" : "");
            out().flush();
            if (!noRun && !session.store().rawReader().accounts().isEmpty()) {
                RunCommand.print(out(), account, PipelineRun.run(session, account, false, clock()));
            }
            return report.failed() ? 1 : 0;
        }
    }
}
