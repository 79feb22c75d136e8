package dev.lakesentry.api.spi;

import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.FieldChange;
import java.util.List;

/**
 * Carries out one action type against the Databricks API. Reads live state first, refuses with
 * {@link ExecutionStatus#SKIPPED_STALE} when it no longer matches the plan's pre-image, and returns
 * what it did. The execution stage decides whether it may run at all and audits every attempt.
 *
 * @since 0.1.0
 */
public interface ActionExecutor {

    /** The executor's id, as its provider names it. */
    String id();

    /** The action type it carries out. */
    ActionType actionType();

    /** Runs (or, in dry-run mode, computes) the plan's changes against live state. */
    ExecutionResult execute(ActionPlan plan, ExecutionContext context);

    /**
     * Restores a pre-image recorded in the action log. By default an action cannot be rolled back.
     *
     * @param preImage the changes as recorded; the executor applies their {@link FieldChange#inverse()}
     */
    default ExecutionResult rollback(ActionPlan plan, List<FieldChange> preImage, ExecutionContext context) {
        return new ExecutionResult(ExecutionStatus.FAILED, List.of(),
                "Executor '" + id() + "' cannot roll back " + actionType() + " actions");
    }
}
