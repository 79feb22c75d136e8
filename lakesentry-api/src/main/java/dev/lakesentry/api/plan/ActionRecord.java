package dev.lakesentry.api.plan;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * One append-only entry of the action log: an attempt, dry or real, written before and after the API
 * call, with the pre-image read from live state and the outcome.
 *
 * @param id         unique id of the entry
 * @param accountId  the account
 * @param planId     the plan
 * @param attemptId  groups the entries of one attempt (STARTED and its result)
 * @param mode       dry run or apply
 * @param outcome    what happened
 * @param preImage   the live values before the call, as field changes from before to the plan's after
 * @param message    a human-readable detail (the reason for a skip, the error for a failure)
 * @param actor      who or what caused it: a person, {@code policy:<id>} or {@code scheduler}
 * @param at         when
 * @since 0.1.0
 */
public record ActionRecord(String id, String accountId, String planId, String attemptId, ExecutionMode mode,
                           ActionOutcome outcome, List<FieldChange> preImage, String message, String actor,
                           Instant at) {
    public ActionRecord {
        Checks.notBlank(id, "ActionRecord", "id");
        Checks.notBlank(accountId, "ActionRecord", "accountId");
        Checks.notBlank(planId, "ActionRecord", "planId");
        Checks.notBlank(attemptId, "ActionRecord", "attemptId");
        Checks.notNull(mode, "ActionRecord", "mode");
        if (mode == ExecutionMode.READ_ONLY) {
            throw new IllegalArgumentException("ActionRecord.mode must be DRY_RUN or APPLY: read-only runs nothing");
        }
        Checks.notNull(outcome, "ActionRecord", "outcome");
        preImage = Checks.list(preImage, "ActionRecord", "preImage");
        Checks.notBlank(actor, "ActionRecord", "actor");
        Checks.notNull(at, "ActionRecord", "at");
    }
}
