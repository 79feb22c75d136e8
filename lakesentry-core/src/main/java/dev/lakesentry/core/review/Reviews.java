package dev.lakesentry.core.review;

import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightStatus;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.PlanStatus;
import dev.lakesentry.api.review.InsightReview;
import dev.lakesentry.api.review.InsightReviewAction;
import dev.lakesentry.api.review.PlanDecision;
import dev.lakesentry.api.review.PlanReview;
import dev.lakesentry.api.review.Reviewer;
import dev.lakesentry.api.store.InsightReader;
import dev.lakesentry.api.store.PlanReader;
import dev.lakesentry.api.store.ReviewReader;
import dev.lakesentry.api.store.ReviewWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What people (and host policies) decide about insights and plans, as append-only review events, and
 * the statuses derived from those events. Nothing is overwritten, so rebuilding the analysis layers
 * loses no decision.
 */
public final class Reviews {
    private final InsightReader insights;
    private final PlanReader plans;
    private final ReviewReader reader;
    private final ReviewWriter writer;
    private final Clock clock;

    public Reviews(InsightReader insights, PlanReader plans, ReviewReader reader, ReviewWriter writer, Clock clock) {
        this.insights = Objects.requireNonNull(insights, "insights");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records a decision on an insight ({@code snoozeUntil} only for a snooze). */
    public InsightReview review(String accountId, String insightId, InsightReviewAction action, Reviewer by,
                                Instant snoozeUntil, String note) {
        if (insights.insight(accountId, insightId).isEmpty()) {
            throw ValidationException.of("account '" + accountId + "'", "insightId", insightId, "no such insight");
        }
        InsightReview review = new InsightReview(UUID.randomUUID().toString(), accountId, insightId, action, by,
                clock.instant(), snoozeUntil, note);
        writer.append(review);
        return review;
    }

    /** Records an approval or rejection of a plan. */
    public PlanReview decide(String accountId, String planId, PlanDecision decision, Reviewer by, String note) {
        if (plans.plan(accountId, planId).isEmpty()) {
            throw ValidationException.of("account '" + accountId + "'", "planId", planId, "no such plan");
        }
        PlanReview review = new PlanReview(UUID.randomUUID().toString(), accountId, planId, decision, by, clock.instant(), note);
        writer.append(review);
        return review;
    }

    /**
     * The status of an insight: the latest review (by time, then by the order the store appended them)
     * decides (dismissed, snoozed while the snooze lasts,
     * acknowledged, reopened = open); an insight the latest detection run no longer found is resolved
     * unless dismissed.
     *
     * @param latestDetection the as-of time of the latest detection run of the insight's detector
     */
    public InsightStatus status(Insight insight, Instant latestDetection) {
        List<InsightReview> events = reader.insightReviews(insight.accountId()).stream()
                .filter(r -> r.insightId().equals(insight.id()))
                .sorted(Comparator.comparing(InsightReview::at)).toList();
        InsightReview last = events.isEmpty() ? null : events.get(events.size() - 1);
        if (last != null && last.action() == InsightReviewAction.DISMISS) {
            return InsightStatus.DISMISSED;
        }
        if (latestDetection != null && latestDetection.isAfter(insight.detectedAt())) {
            return InsightStatus.RESOLVED;
        }
        if (last == null || last.action() == InsightReviewAction.REOPEN) {
            return InsightStatus.OPEN;
        }
        if (last.action() == InsightReviewAction.SNOOZE) {
            return last.snoozeUntil().isAfter(clock.instant()) ? InsightStatus.SNOOZED : InsightStatus.OPEN;
        }
        return InsightStatus.ACKNOWLEDGED;
    }

    /**
     * The review part of a plan's status: rejected or approved by the latest decision, expired when
     * older than {@code maxAge} without a decision, pending otherwise. (The execution stage adds
     * executed, failed, skipped-stale and rolled back from the action log.)
     */
    public PlanStatus reviewStatus(ActionPlan plan, Duration maxAge) {
        List<PlanReview> events = reader.planReviews(plan.accountId()).stream()
                .filter(r -> r.planId().equals(plan.id()))
                .sorted(Comparator.comparing(PlanReview::at)).toList();
        if (!events.isEmpty()) {
            return events.get(events.size() - 1).decision() == PlanDecision.APPROVE ? PlanStatus.APPROVED : PlanStatus.REJECTED;
        }
        return plan.createdAt().plus(maxAge).isBefore(clock.instant()) ? PlanStatus.EXPIRED : PlanStatus.PENDING;
    }
}
