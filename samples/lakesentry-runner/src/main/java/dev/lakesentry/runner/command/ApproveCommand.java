package dev.lakesentry.runner.command;

import dev.lakesentry.api.review.PlanDecision;
import dev.lakesentry.api.review.Reviewer;
import dev.lakesentry.runner.support.RunnerException;
import dev.lakesentry.runner.support.Session;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Approves a plan in a person's name (an append-only review event). */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approves an action plan in a person's name; 'execute' then acts on it when its action type is enabled.")
public final class ApproveCommand extends RunnerCommand {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan id (plan-...), as 'plans' lists it.")
    String planId;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who approves (recorded in the review log).")
    String by;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note recorded with the decision.")
    String note;

    @Override
    public Integer call() {
        return decide(this, planId, by, note, PlanDecision.APPROVE);
    }

    static int decide(RunnerCommand c, String planId, String by, String note, PlanDecision decision) {
        if (by.isBlank()) {
            throw new RunnerException("--by must name a person", by, "give e.g. --by alice@example.com");
        }
        try (Session session = c.open()) {
            String account = session.account();
            if (session.store().planReader().plan(account, planId).isEmpty()) {
                throw new RunnerException("No plan with id", planId, "list the plans with 'plans'");
            }
            session.lakeSentry().reviews().decide(account, planId, decision, new Reviewer(by), note);
            var state = session.lakeSentry().planStatus(account, planId);
            c.out().printf(Locale.ROOT, "Plan %s %s by %s; status now %s%s%n", planId,
                    decision == PlanDecision.APPROVE ? "approved" : "rejected", by, state.status(),
                    state.reason() == null ? "" : " (" + state.reason() + ")");
            c.out().flush();
        }
        return 0;
    }
}
