package dev.lakesentry.core.execution;

import dev.lakesentry.api.plan.PlanStatus;
import java.util.Objects;

/**
 * A plan's derived status with the reason, and who approved it when it is approved.
 *
 * @param status   the status
 * @param reason   why (the deciding review event or action-log entry)
 * @param approver the approving reviewer's name ({@code policy:<id>} for a policy) when approved, else {@code null}
 */
public record PlanState(PlanStatus status, String reason, String approver) {
    public PlanState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }
}
