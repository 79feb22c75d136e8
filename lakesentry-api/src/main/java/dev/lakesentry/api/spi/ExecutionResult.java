package dev.lakesentry.api.spi;

import dev.lakesentry.api.internal.Checks;
import dev.lakesentry.api.plan.FieldChange;
import java.util.List;

/**
 * What an executor did: the status, the live values it read before acting (as changes from the live
 * value to the plan's value) and a human-readable message.
 *
 * @since 0.1.0
 */
public record ExecutionResult(ExecutionStatus status, List<FieldChange> liveChanges, String message) {
    public ExecutionResult {
        Checks.notNull(status, "ExecutionResult", "status");
        liveChanges = Checks.list(liveChanges, "ExecutionResult", "liveChanges");
        Checks.notBlank(message, "ExecutionResult", "message");
    }
}
