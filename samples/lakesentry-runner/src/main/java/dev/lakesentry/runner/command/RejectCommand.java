package dev.lakesentry.runner.command;

import dev.lakesentry.api.review.PlanDecision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Rejects a plan in a person's name (an append-only review event). */
@Command(name = "reject", mixinStandardHelpOptions = true, description = "Rejects an action plan in a person's name.")
public final class RejectCommand extends RunnerCommand {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan id (plan-...), as 'plans' lists it.")
    String planId;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who rejects (recorded in the review log).")
    String by;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note recorded with the decision.")
    String note;

    @Override
    public Integer call() {
        return ApproveCommand.decide(this, planId, by, note, PlanDecision.REJECT);
    }
}
