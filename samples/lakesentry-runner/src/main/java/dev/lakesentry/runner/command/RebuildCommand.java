package dev.lakesentry.runner.command;

import dev.lakesentry.runner.support.PipelineRun;
import dev.lakesentry.runner.support.Session;
import picocli.CommandLine.Command;

/** Rebuilds the ledger and every analysis result from raw. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Rebuilds the ledger, metrics, insights and plans of the account from all raw data (review decisions are kept).")
public final class RebuildCommand extends RunnerCommand {
    @Override
    public Integer call() {
        try (Session session = open()) {
            String account = session.account();
            RunCommand.print(out(), account, PipelineRun.run(session, account, true, clock()));
        }
        return 0;
    }
}
