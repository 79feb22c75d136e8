package dev.lakesentry.api.review;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;

/**
 * An append-only review event on an action plan: approved or rejected by a named person or policy.
 *
 * @since 0.1.0
 */
public record PlanReview(String id, String accountId, String planId, PlanDecision decision, Reviewer by, Instant at,
                         String note) {
    public PlanReview {
        Checks.notBlank(id, "PlanReview", "id");
        Checks.notBlank(accountId, "PlanReview", "accountId");
        Checks.notBlank(planId, "PlanReview", "planId");
        Checks.notNull(decision, "PlanReview", "decision");
        Checks.notNull(by, "PlanReview", "by");
        Checks.notNull(at, "PlanReview", "at");
    }
}
