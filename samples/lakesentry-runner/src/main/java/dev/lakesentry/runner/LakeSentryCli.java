package dev.lakesentry.runner;

import dev.lakesentry.runner.command.ApproveCommand;
import dev.lakesentry.runner.command.CollectCommand;
import dev.lakesentry.runner.command.ExecuteCommand;
import dev.lakesentry.runner.command.RejectCommand;
import dev.lakesentry.runner.command.DemoCommand;
import dev.lakesentry.runner.command.ExplainCommand;
import dev.lakesentry.runner.command.ExportCostsCommand;
import dev.lakesentry.runner.command.GenerateCommand;
import dev.lakesentry.runner.command.ImportCommand;
import dev.lakesentry.runner.command.InsightsCommand;
import dev.lakesentry.runner.command.PlansCommand;
import dev.lakesentry.runner.command.RebuildCommand;
import dev.lakesentry.runner.command.ReportCommand;
import dev.lakesentry.runner.command.RunCommand;
import dev.lakesentry.runner.command.ServeCommand;
import dev.lakesentry.runner.command.StatusCommand;
import dev.lakesentry.runner.command.TokenCommand;
import dev.lakesentry.runner.support.ClockSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: the global options and the list of commands. */
@Command(name = "lakesentry-runner", mixinStandardHelpOptions = true, version = "LakeSentry runner 0.1.0",
        description = "Runs the LakeSentry pipeline (ingestion, transformation, analysis, plans) on the embedded store "
                + "or any JDBC store, and shows what it found.",
        subcommands = {DemoCommand.class, GenerateCommand.class, ImportCommand.class, RunCommand.class,
            RebuildCommand.class, ExportCostsCommand.class, InsightsCommand.class, PlansCommand.class,
            ExplainCommand.class, ReportCommand.class, TokenCommand.class, StatusCommand.class, ServeCommand.class,
            CollectCommand.class, ApproveCommand.class, RejectCommand.class, ExecuteCommand.class},
        footer = {"", "Start with: lakesentry-runner demo"})
public final class LakeSentryCli implements Runnable, ClockSource {
    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Option(names = "--jdbc-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The store's JDBC URL (H2, PostgreSQL, MariaDB). Default: the embedded H2 store in the data directory.")
    private String jdbcUrl;

    @Option(names = "--jdbc-user", scope = ScopeType.INHERIT, paramLabel = "NAME", description = "The JDBC user.")
    private String jdbcUser;

    @Option(names = "--jdbc-password-env", scope = ScopeType.INHERIT, paramLabel = "VAR",
            description = "The environment variable holding the JDBC password.")
    private String jdbcPasswordEnv;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "The embedded store's directory and the runner's own files. Default: ~/.lakesentry "
                    + "(demo: a fresh directory under it).")
    private Path dataDir;

    @Option(names = "--plugins", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "A directory of extra plugin jars (detectors, attribution rules, executors).")
    private Path plugins;

    @Option(names = "--plugin-setting", scope = ScopeType.INHERIT, paramLabel = "ID:KEY=VALUE",
            description = "A plugin setting, e.g. com.example.untagged-spend:threshold=50 (repeatable).")
    private List<String> pluginSettings;

    @Option(names = "--rules", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Attribution rules (.yaml or .json). Default: the team tag names the team.")
    private Path rules;

    @Option(names = "--account", scope = ScopeType.INHERIT, paramLabel = "ID",
            description = "The account to work on. Default: the store's only account.")
    private String account;

    @Option(names = "--plan-max-age", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            description = "How old a plan may be before it expires and is never acted on, ISO-8601 (default: the library's, P7D).")
    private java.time.Duration planMaxAge;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show the library's logs and stack traces.")
    private boolean verbose;

    /** On the given clock (stage timings, tokens, reviews; never the data's as-of time). */
    public LakeSentryCli(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()) + " (start with 'demo')");
    }
}
