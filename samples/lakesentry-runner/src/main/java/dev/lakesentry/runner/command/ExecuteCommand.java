package dev.lakesentry.runner.command;

import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.ExecutionMode;
import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.spi.WorkspaceConnection;
import dev.lakesentry.core.execution.ExecutionReport;
import dev.lakesentry.core.execution.PlanOutcome;
import dev.lakesentry.runner.support.RunnerException;
import dev.lakesentry.runner.support.Session;
import dev.lakesentry.runner.report.TextSummary;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the account's approved plans against the Databricks API, as a dry run or for real, under the
 * library's safety model (live-state checks, protected resources, blast radius, audit log).
 */
@Command(name = "execute", mixinStandardHelpOptions = true,
        description = {"Acts on the approved plans: --dry-run computes the exact changes against live state and changes nothing; "
                + "--apply makes them. Every attempt is written to the action log.",
            "Each workspace needs a connection: --workspace ID=URL, with the token from --token-env (default DATABRICKS_TOKEN)."})
public final class ExecuteCommand extends RunnerCommand {
    /** Exactly one of the two modes. */
    static final class Mode {
        @Option(names = "--dry-run", required = true, description = "Show the exact changes; change nothing.")
        boolean dryRun;

        @Option(names = "--apply", required = true, description = "Make the changes.")
        boolean apply;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--action", paramLabel = "TYPE", split = ",",
            description = "Action types to enable (default: all built-in ones: terminate-cluster, set-cluster-autoscale, "
                    + "set-cluster-auto-termination, set-warehouse-auto-stop, pause-job-schedule).")
    List<String> actions;

    @Option(names = "--workspace", paramLabel = "ID=URL", description = "A workspace connection, e.g. 1234567890123456=https://dbc-1234.cloud.databricks.com (repeatable).")
    List<String> workspaces;

    @Option(names = "--token-env", defaultValue = "DATABRICKS_TOKEN", paramLabel = "VAR",
            description = "The environment variable holding the Databricks token (default ${DEFAULT-VALUE}).")
    String tokenEnv;

    @Option(names = "--protect-tag", paramLabel = "KEY[=VALUE]", description = "Never touch resources with this tag (repeatable).")
    List<String> protectTags;

    @Option(names = "--max-actions", defaultValue = "10", description = "Most changes in this run (default ${DEFAULT-VALUE}).")
    int maxActions;

    @Override
    public Integer call() {
        ExecutionMode m = mode.apply ? ExecutionMode.APPLY : ExecutionMode.DRY_RUN;
        List<ActionType> types = new ArrayList<>();
        for (String a : actions == null ? List.of("terminate-cluster", "set-cluster-autoscale", "set-cluster-auto-termination",
                "set-warehouse-auto-stop", "pause-job-schedule") : actions) {
            try {
                types.add(new ActionType(a));
            } catch (IllegalArgumentException e) {
                throw new RunnerException("--action is not an action type", a, "use e.g. terminate-cluster", e);
            }
        }
        List<WorkspaceConnection> connections = new ArrayList<>();
        if (workspaces == null || workspaces.isEmpty()) {
            throw new RunnerException("execute needs a connection to each workspace it acts on; none given", null,
                    "add --workspace ID=URL (repeatable) and export the token in $" + tokenEnv);
        }
        String token = System.getenv(tokenEnv);
        if (token == null || token.isBlank()) {
            throw new RunnerException("The Databricks token's environment variable is not set:", tokenEnv,
                    "export " + tokenEnv + "=<token>, or name another variable with --token-env");
        }
        for (String w : workspaces) {
            int eq = w.indexOf('=');
            if (eq <= 0 || eq == w.length() - 1) {
                throw new RunnerException("--workspace must read ID=URL, was", w, "write e.g. 1234567890123456=https://dbc-1234.cloud.databricks.com");
            }
            connections.add(new WorkspaceConnection(w.substring(0, eq), URI.create(w.substring(eq + 1)), new BearerToken(token)));
        }
        try (Session session = Session.open(globals(), globals().dataDirOrDefault(), clock(), b -> {
            types.forEach(t -> b.executionMode(t, m));
            connections.forEach(b::workspaceConnection);
            b.executionLimits(maxActions, Math.max(maxActions, 20));
            if (protectTags != null) {
                b.protectedTags(protectTags);
            }
        })) {
            String account = session.account();
            ExecutionReport report = session.lakeSentry().execute(account);
            out().printf(Locale.ROOT, "%s of account %s at %s: %d plan(s)%n", m == ExecutionMode.APPLY ? "Execution" : "Dry run",
                    account, report.at(), report.outcomes().size());
            for (PlanOutcome o : report.outcomes()) {
                out().printf(Locale.ROOT, "  %s %-28s %-14s %s%n      %s%n", o.planId(), o.actionType().value(), o.outcome(),
                        TextSummary.changes(o.changes()), Session.oneLine(o.message()));
            }
            report.stopped().ifPresent(s -> out().printf(Locale.ROOT, "Stopped: %s%n", s));
            if (report.outcomes().isEmpty()) {
                out().println("No approved plan to act on (approve one with: approve PLAN --by NAME).");
            }
            out().flush();
        }
        return 0;
    }
}
