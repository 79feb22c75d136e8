package dev.lakesentry.core.execution;

import dev.lakesentry.api.plan.ActionOutcome;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.FieldChange;
import java.util.List;
import java.util.Objects;

/**
 * What one run did with one plan, as recorded in the action log.
 *
 * @param planId     the plan
 * @param actionType its action
 * @param outcome    the recorded outcome
 * @param changes    the changes against live state (for a dry run, exactly what would be set)
 * @param message    the detail recorded
 */
public record PlanOutcome(String planId, ActionType actionType, ActionOutcome outcome, List<FieldChange> changes,
                          String message) {
    public PlanOutcome {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(actionType, "actionType");
        Objects.requireNonNull(outcome, "outcome");
        changes = List.copyOf(changes);
        Objects.requireNonNull(message, "message");
    }
}
