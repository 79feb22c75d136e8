package dev.lakesentry.api.plan;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * What could be done about an insight. Plans are data: nothing runs until a review approves the plan
 * and the host has enabled execution for its action type. The id is derived from the insight, the
 * action type and the target, so re-planning updates the plan.
 *
 * @param id                      derived from insight, action type and target ({@link #idOf})
 * @param accountId               the account
 * @param insightId               the insight the plan answers
 * @param actionType              the action
 * @param target                  the resource it changes
 * @param changes                 the exact field changes, each with its pre-image
 * @param estimatedMonthlySaving  the saving expected per month
 * @param riskTier                auto, review or manual
 * @param reversible              whether a rollback can restore the pre-image
 * @param createdAt               the as-of time of the planning run
 * @since 0.1.0
 */
public record ActionPlan(String id, String accountId, String insightId, ActionType actionType, Target target,
                         List<FieldChange> changes, Money estimatedMonthlySaving, RiskTier riskTier,
                         boolean reversible, Instant createdAt) {
    public ActionPlan {
        Checks.notBlank(id, "ActionPlan", "id");
        Checks.notBlank(accountId, "ActionPlan", "accountId");
        Checks.notBlank(insightId, "ActionPlan", "insightId");
        Checks.notNull(actionType, "ActionPlan", "actionType");
        Checks.notNull(target, "ActionPlan", "target");
        changes = Checks.list(changes, "ActionPlan", "changes");
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("ActionPlan '" + id + "' must change at least one field");
        }
        Checks.notNull(estimatedMonthlySaving, "ActionPlan", "estimatedMonthlySaving");
        Checks.notNull(riskTier, "ActionPlan", "riskTier");
        Checks.notNull(createdAt, "ActionPlan", "createdAt");
    }

    /** The id of a plan: {@code plan-} and 24 hex digits of the SHA-256 of insight, action and target. */
    public static String idOf(String insightId, ActionType actionType, Target target) {
        String text = insightId + "|" + actionType.value() + "|" + target.key();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "plan-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
