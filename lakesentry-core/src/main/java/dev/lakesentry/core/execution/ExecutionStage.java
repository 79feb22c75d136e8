package dev.lakesentry.core.execution;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.ConflictException;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.ledger.ClusterVersion;
import dev.lakesentry.api.ledger.HourlyUtilisation;
import dev.lakesentry.api.ledger.WarehouseVersion;
import dev.lakesentry.api.ledger.WorkUnit;
import dev.lakesentry.api.plan.ActionOutcome;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.ActionRecord;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.ExecutionMode;
import dev.lakesentry.api.plan.FieldChange;
import dev.lakesentry.api.plan.PlanStatus;
import dev.lakesentry.api.plan.RiskTier;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import dev.lakesentry.api.review.PlanDecision;
import dev.lakesentry.api.review.PlanReview;
import dev.lakesentry.api.review.Reviewer;
import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.ExecutionContext;
import dev.lakesentry.api.spi.ExecutionResult;
import dev.lakesentry.api.spi.WorkspaceConnection;
import dev.lakesentry.api.store.ActionReader;
import dev.lakesentry.api.store.ActionWriter;
import dev.lakesentry.api.store.LedgerReader;
import dev.lakesentry.api.store.PlanReader;
import dev.lakesentry.api.store.ReviewReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out approved plans through the executor plugins, under the safety model:
 * <ol>
 *   <li>Off by default: an action type runs only in the mode the host set for it (READ_ONLY runs nothing).</li>
 *   <li>Only APPROVED plans act: approved by a named person, or by a host policy ({@code policy:<id>}) for
 *       the AUTO tier only; MANUAL-tier plans never execute; rejected and expired plans never act.</li>
 *   <li>Protected resources (by id, or by tag in the ledger or in live state) are never touched.</li>
 *   <li>A termination is re-checked against the ledger's latest hourly utilisation (still idle); the
 *       executor re-checks live state against the plan's pre-image. Otherwise skipped-stale.</li>
 *   <li>Blast radius: when the changes a run would make exceed the per-run limit, or with the changes of
 *       the last hour exceed the per-hour limit, the run stops before any action and records why.</li>
 *   <li>Every attempt, dry or real, is appended to the action log before the call (STARTED) and after
 *       it (the outcome, with the live pre-image); a rollback restores that pre-image and is audited.</li>
 *   <li>Statuses are derived from review events and the action log; an executed plan never runs again.</li>
 * </ol>
 * Uses only the action log's writer; everything else it reads.
 */
public final class ExecutionStage {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionStage.class);
    static final String ROLLBACK_PREFIX = "rollback:";

    private final PlanReader plans;
    private final ReviewReader reviews;
    private final ActionReader actions;
    private final ActionWriter writer;
    private final LedgerReader ledger;
    private final Map<ActionType, ActionExecutor> executors;
    private final ExecutionSettings settings;
    private final Clock clock;

    public ExecutionStage(PlanReader plans, ReviewReader reviews, ActionReader actions, ActionWriter writer,
                          LedgerReader ledger, List<ActionExecutor> executors, ExecutionSettings settings, Clock clock) {
        this.plans = Objects.requireNonNull(plans, "plans");
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<ActionType, ActionExecutor> byType = new HashMap<>();
        for (ActionExecutor e : executors) {
            ActionExecutor previous = byType.putIfAbsent(e.actionType(), e);
            if (previous != null) {
                throw new ConfigurationException("Action type '" + e.actionType() + "' has two executors: '" + previous.id()
                        + "' (" + previous.getClass().getName() + ") and '" + e.id() + "' (" + e.getClass().getName()
                        + "); enable only one of them");
            }
        }
        this.executors = Map.copyOf(byType);
        for (Map.Entry<ActionType, ExecutionMode> m : settings.modes().entrySet()) {
            if (m.getValue() != ExecutionMode.READ_ONLY && !byType.containsKey(m.getKey())) {
                throw new ConfigurationException("Execution mode " + m.getValue() + " was set for action type '" + m.getKey()
                        + "', but no executor carries it out; register or discover one (for example from lakesentry-executors)");
            }
        }
    }

    /** The settings in use. */
    public ExecutionSettings settings() {
        return settings;
    }

    /** The derived status of a plan. */
    public PlanState status(String accountId, String planId) {
        ActionPlan plan = plans.plan(accountId, planId).orElseThrow(() -> noSuchPlan(accountId, planId));
        return status(plan, reviewsOf(accountId).getOrDefault(planId, List.of()),
                recordsOf(accountId).getOrDefault(planId, List.of()), clock.instant());
    }

    /** Runs every approved plan of the account whose action type is enabled, in its type's mode. */
    public ExecutionReport run(String accountId) {
        Instant now = clock.instant();
        Map<String, List<PlanReview>> reviewsByPlan = reviewsOf(accountId);
        Map<String, List<ActionRecord>> recordsByPlan = recordsOf(accountId);
        LedgerView view = new LedgerView(accountId);
        List<PlanOutcome> outcomes = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (ActionPlan plan : plans.plans(accountId).stream().sorted(Comparator.comparing(ActionPlan::id)).toList()) {
            ExecutionMode mode = settings.mode(plan.actionType());
            if (mode == ExecutionMode.READ_ONLY) {
                continue;
            }
            PlanState state = status(plan, reviewsByPlan.getOrDefault(plan.id(), List.of()),
                    recordsByPlan.getOrDefault(plan.id(), List.of()), now);
            if (state.status() != PlanStatus.APPROVED) {
                LOG.debug("Plan {} is {} ({}); not acted on", plan.id(), state.status(), state.reason());
                continue;
            }
            String actor = state.approver();
            if (plan.riskTier() == RiskTier.MANUAL) {
                outcomes.add(refuse(plan, mode, actor, ActionOutcome.REFUSED, "Plan is in the MANUAL tier: it is for a person to"
                        + " carry out by hand and is never executed"));
                continue;
            }
            String protection = protection(plan.target(), view);
            if (protection != null) {
                outcomes.add(refuse(plan, mode, actor, ActionOutcome.REFUSED, protection + "; it is never touched"));
                continue;
            }
            if (plan.actionType().equals(ActionType.TERMINATE_CLUSTER)) {
                String notIdle = view.notIdle(plan.target(), now);
                if (notIdle != null) {
                    outcomes.add(refuse(plan, mode, actor, ActionOutcome.SKIPPED_STALE, notIdle));
                    continue;
                }
            }
            candidates.add(new Candidate(plan, mode, actor));
        }

        long changes = candidates.stream().filter(c -> c.mode == ExecutionMode.APPLY).count();
        String stop = null;
        if (changes > settings.maxPerRun()) {
            stop = "Blast radius: " + changes + " approved changes exceed the limit of " + settings.maxPerRun()
                    + " per run; nothing was done";
        } else if (changes > 0) {
            long lastHour = changesSince(accountId, now.minus(Duration.ofHours(1)));
            if (lastHour + changes > settings.maxPerHour()) {
                stop = "Blast radius: " + changes + " approved changes with the " + lastHour
                        + " made in the last hour exceed the limit of " + settings.maxPerHour() + " per hour; nothing was done";
            }
        }
        if (stop != null) {
            LOG.warn("Execution run for account {} stopped before any action: {}", accountId, stop);
            for (Candidate c : candidates) {
                outcomes.add(refuse(c.plan, c.mode, c.actor, ActionOutcome.REFUSED, stop));
            }
            return new ExecutionReport(accountId, now, sorted(outcomes), stop);
        }
        for (Candidate c : candidates) {
            outcomes.add(attempt(c.plan, c.mode, c.actor));
        }
        return new ExecutionReport(accountId, now, sorted(outcomes), null);
    }

    /**
     * Restores the pre-image recorded by a plan's latest apply attempt, through its executor, and audits
     * it (STARTED, then ROLLED_BACK, FAILED or SKIPPED_STALE).
     *
     * @throws ValidationException when there is no such plan
     * @throws ConflictException   when the plan was not executed, cannot be undone, has no executor or is protected
     */
    public PlanOutcome rollback(String accountId, String planId, Reviewer by) {
        Objects.requireNonNull(by, "by");
        ActionPlan plan = plans.plan(accountId, planId).orElseThrow(() -> noSuchPlan(accountId, planId));
        List<ActionRecord> records = recordsOf(accountId).getOrDefault(planId, List.of());
        PlanState state = status(plan, reviewsOf(accountId).getOrDefault(planId, List.of()), records, clock.instant());
        if (state.status() != PlanStatus.EXECUTED && state.status() != PlanStatus.FAILED) {
            throw new ConflictException("Plan " + planId + " is " + state.status() + " (" + state.reason()
                    + "); only an executed plan, or one whose attempt failed, can be rolled back");
        }
        if (!plan.reversible()) {
            throw new ConflictException("Plan " + planId + " (" + plan.actionType() + ") cannot be undone");
        }
        ActionRecord forward = lastForward(records).orElseThrow();
        if (forward.preImage().isEmpty()) {
            throw new ConflictException("Plan " + planId + " has no recorded pre-image to restore (its attempt "
                    + forward.attemptId() + " failed before live state was read)");
        }
        ActionExecutor executor = executors.get(plan.actionType());
        if (executor == null) {
            throw new ConflictException("No executor carries out '" + plan.actionType() + "', so plan " + planId
                    + " cannot be rolled back");
        }
        String protection = protection(plan.target(), new LedgerView(accountId));
        if (protection != null) {
            throw new ConflictException(protection + "; it is never touched, so plan " + planId + " is not rolled back");
        }
        String attemptId = ROLLBACK_PREFIX + UUID.randomUUID();
        List<FieldChange> restore = forward.preImage().stream().map(FieldChange::inverse).toList();
        append(plan, attemptId, ExecutionMode.APPLY, ActionOutcome.STARTED, restore,
                "Rolling back attempt " + forward.attemptId() + " through '" + executor.id() + "'", by.name());
        ExecutionResult result;
        try {
            result = executor.rollback(plan, forward.preImage(), context(plan, ExecutionMode.APPLY));
        } catch (RuntimeException e) {
            result = failure(executor, e);
        }
        ActionOutcome outcome = switch (result.status()) {
            case SUCCEEDED -> ActionOutcome.ROLLED_BACK;
            case SKIPPED_STALE -> ActionOutcome.SKIPPED_STALE;
            case DRY_RUN, FAILED -> ActionOutcome.FAILED;
        };
        append(plan, attemptId, ExecutionMode.APPLY, outcome, result.liveChanges(), result.message(), by.name());
        return new PlanOutcome(plan.id(), plan.actionType(), outcome, result.liveChanges(), result.message());
    }

    private PlanOutcome attempt(ActionPlan plan, ExecutionMode mode, String actor) {
        ActionExecutor executor = executors.get(plan.actionType());
        String attemptId = UUID.randomUUID().toString();
        append(plan, attemptId, mode, ActionOutcome.STARTED, plan.changes(), (mode == ExecutionMode.DRY_RUN ? "Dry run" : "Apply")
                + " through '" + executor.id() + "'", actor);
        ExecutionResult result;
        try {
            result = executor.execute(plan, context(plan, mode));
        } catch (RuntimeException e) {
            result = failure(executor, e);
        }
        ActionOutcome outcome = switch (result.status()) {
            case DRY_RUN -> ActionOutcome.DRY_RUN;
            case SUCCEEDED -> ActionOutcome.SUCCEEDED;
            case FAILED -> ActionOutcome.FAILED;
            case SKIPPED_STALE -> ActionOutcome.SKIPPED_STALE;
        };
        if (mode == ExecutionMode.DRY_RUN && outcome == ActionOutcome.SUCCEEDED) {
            outcome = ActionOutcome.FAILED;
            result = new ExecutionResult(result.status(), result.liveChanges(), "Executor '" + executor.id()
                    + "' reported SUCCEEDED for a dry run: " + result.message());
        }
        append(plan, attemptId, mode, outcome, result.liveChanges(), result.message(), actor);
        LOG.info("Plan {} ({} on {}): {} {}", plan.id(), plan.actionType(), plan.target().key(), outcome, result.message());
        return new PlanOutcome(plan.id(), plan.actionType(), outcome, result.liveChanges(), result.message());
    }

    private static ExecutionResult failure(ActionExecutor executor, RuntimeException e) {
        LOG.warn("Executor '{}' failed: {}", executor.id(), e.toString());
        return new ExecutionResult(dev.lakesentry.api.spi.ExecutionStatus.FAILED, List.of(),
                "Executor '" + executor.id() + "' failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private PlanOutcome refuse(ActionPlan plan, ExecutionMode mode, String actor, ActionOutcome outcome, String message) {
        append(plan, UUID.randomUUID().toString(), mode, outcome, plan.changes(), message, actor);
        LOG.info("Plan {} ({} on {}): {} {}", plan.id(), plan.actionType(), plan.target().key(), outcome, message);
        return new PlanOutcome(plan.id(), plan.actionType(), outcome, plan.changes(), message);
    }

    private void append(ActionPlan plan, String attemptId, ExecutionMode mode, ActionOutcome outcome,
                        List<FieldChange> preImage, String message, String actor) {
        writer.append(new ActionRecord(UUID.randomUUID().toString(), plan.accountId(), plan.id(), attemptId, mode, outcome,
                preImage, message, actor, clock.instant()));
    }

    private ExecutionContext context(ActionPlan plan, ExecutionMode mode) {
        return new StageContext(plan.accountId(), mode, settings);
    }

    /** The number of changes (apply attempts, rollbacks excluded) started since the time. */
    private long changesSince(String accountId, Instant since) {
        return actions.recordsSince(accountId, since).stream()
                .filter(r -> r.mode() == ExecutionMode.APPLY && r.outcome() == ActionOutcome.STARTED
                        && !r.attemptId().startsWith(ROLLBACK_PREFIX))
                .count();
    }

    private String protection(Target target, LedgerView view) {
        if (settings.protectedIds().contains(target.resourceId()) || settings.protectedIds().contains(target.key())) {
            return "Resource " + target.key() + " is protected by id";
        }
        String tag = settings.protectingTag(view.tags(target));
        return tag == null ? null : "Resource " + target.key() + " is protected by its tag " + tag + " in the ledger";
    }

    /**
     * The derived status: executed, rolled back, failed or skipped-stale from the action log (a newer
     * approval lets a failed or stale plan run again); otherwise rejected, expired, approved or pending
     * from the review events. A policy approval counts only for the AUTO tier.
     */
    PlanState status(ActionPlan plan, List<PlanReview> planReviews, List<ActionRecord> records, Instant now) {
        Optional<ActionRecord> forward = lastForward(records);
        PlanReview latest = latestDecision(planReviews);
        if (forward.isPresent()) {
            ActionRecord f = forward.get();
            boolean rolledBack = records.stream().anyMatch(r -> r.outcome() == ActionOutcome.ROLLED_BACK && !r.at().isBefore(f.at()));
            if (rolledBack) {
                return new PlanState(PlanStatus.ROLLED_BACK, "rolled back after attempt " + f.attemptId(), null);
            }
            if (f.outcome() == ActionOutcome.SUCCEEDED) {
                return new PlanState(PlanStatus.EXECUTED, "executed by attempt " + f.attemptId() + " at " + f.at(), null);
            }
            if (latest == null || !latest.at().isAfter(f.at())) {
                PlanStatus s = f.outcome() == ActionOutcome.SKIPPED_STALE ? PlanStatus.SKIPPED_STALE : PlanStatus.FAILED;
                return new PlanState(s, f.message() == null ? f.outcome().name() : f.message(), null);
            }
        }
        if (latest != null && latest.decision() == PlanDecision.REJECT) {
            return new PlanState(PlanStatus.REJECTED, "rejected by " + latest.by().name() + " at " + latest.at(), null);
        }
        if (plan.createdAt().plus(settings.planMaxAge()).isBefore(now)) {
            return new PlanState(PlanStatus.EXPIRED, "made at " + plan.createdAt() + ", older than the maximum age of "
                    + settings.planMaxAge(), null);
        }
        if (latest != null) {
            if (latest.by().isPolicy() && plan.riskTier() != RiskTier.AUTO) {
                return new PlanState(PlanStatus.PENDING, "approved by " + latest.by().name() + ", but a policy may approve only"
                        + " AUTO-tier plans and this one is " + plan.riskTier() + "; a named person must approve it", null);
            }
            return new PlanState(PlanStatus.APPROVED, "approved by " + latest.by().name() + " at " + latest.at(), latest.by().name());
        }
        return new PlanState(PlanStatus.PENDING, "no decision yet", null);
    }

    /**
     * The deciding review event: the latest; of events at the same instant a rejection wins (the safe
     * reading), then the one the reader lists last (readers list oldest first).
     */
    private static PlanReview latestDecision(List<PlanReview> planReviews) {
        PlanReview latest = null;
        for (PlanReview r : planReviews) {
            if (latest == null || r.at().isAfter(latest.at())
                    || (r.at().equals(latest.at()) && !(latest.decision() == PlanDecision.REJECT && r.decision() == PlanDecision.APPROVE))) {
                latest = r;
            }
        }
        return latest;
    }

    /**
     * The outcome of the latest apply attempt that is not a rollback: SUCCEEDED, FAILED, SKIPPED_STALE, or
     * a STARTED without one; at the same instant the attempt the reader lists last (oldest first) wins.
     */
    private static Optional<ActionRecord> lastForward(List<ActionRecord> records) {
        Map<String, List<ActionRecord>> byAttempt = records.stream()
                .filter(r -> r.mode() == ExecutionMode.APPLY && !r.attemptId().startsWith(ROLLBACK_PREFIX))
                .collect(Collectors.groupingBy(ActionRecord::attemptId, java.util.LinkedHashMap::new, Collectors.toList()));
        ActionRecord best = null;
        for (List<ActionRecord> attempt : byAttempt.values()) {
            ActionRecord end = attempt.stream().filter(r -> r.outcome() == ActionOutcome.SUCCEEDED
                    || r.outcome() == ActionOutcome.FAILED || r.outcome() == ActionOutcome.SKIPPED_STALE).findFirst().orElse(null);
            if (end == null) {
                ActionRecord started = attempt.stream().filter(r -> r.outcome() == ActionOutcome.STARTED).findFirst().orElse(null);
                if (started == null) {
                    continue;
                }
                end = new ActionRecord(started.id(), started.accountId(), started.planId(), started.attemptId(), started.mode(),
                        ActionOutcome.FAILED, started.preImage(), "attempt " + started.attemptId() + " started at " + started.at()
                        + " but recorded no outcome: the result is unknown", started.actor(), started.at());
            }
            if (best == null || !end.at().isBefore(best.at())) {
                best = end;
            }
        }
        return Optional.ofNullable(best);
    }

    private Map<String, List<PlanReview>> reviewsOf(String accountId) {
        return reviews.planReviews(accountId).stream().collect(Collectors.groupingBy(PlanReview::planId));
    }

    private Map<String, List<ActionRecord>> recordsOf(String accountId) {
        return actions.records(accountId).stream().collect(Collectors.groupingBy(ActionRecord::planId));
    }

    private static List<PlanOutcome> sorted(List<PlanOutcome> outcomes) {
        return outcomes.stream().sorted(Comparator.comparing(PlanOutcome::planId)).toList();
    }

    private static ValidationException noSuchPlan(String accountId, String planId) {
        return ValidationException.of("account '" + accountId + "'", "planId", planId, "no such plan");
    }

    private record Candidate(ActionPlan plan, ExecutionMode mode, String actor) {
    }

    /** The ledger's latest tags and utilisation, read once per run. */
    private final class LedgerView {
        private final String accountId;
        private Map<String, Map<String, String>> tags;

        LedgerView(String accountId) {
            this.accountId = accountId;
        }

        Map<String, String> tags(Target target) {
            if (tags == null) {
                tags = new HashMap<>();
                Map<String, Instant> from = new HashMap<>();
                for (ClusterVersion c : ledger.clusters(accountId)) {
                    latest(from, new Target(TargetKind.CLUSTER, c.workspaceId(), c.clusterId()).key(), c.validFrom(), c.tags());
                }
                for (WarehouseVersion w : ledger.warehouses(accountId)) {
                    latest(from, new Target(TargetKind.SQL_WAREHOUSE, w.workspaceId(), w.warehouseId()).key(), w.validFrom(), w.tags());
                }
                for (WorkUnit u : ledger.workUnits(accountId)) {
                    if (u.ref().type() == dev.lakesentry.api.ledger.WorkUnitType.JOB) {
                        tags.put(new Target(TargetKind.JOB, u.ref().workspaceId(), u.ref().externalId()).key(), u.tags());
                    }
                }
            }
            return tags.getOrDefault(target.key(), Map.of());
        }

        private void latest(Map<String, Instant> from, String key, Instant validFrom, Map<String, String> t) {
            Instant seen = from.get(key);
            if (seen == null || validFrom.isAfter(seen)) {
                from.put(key, validFrom);
                tags.put(key, t);
            }
        }

        /** Why the ledger no longer shows the cluster idle, or {@code null} when its latest hour is idle. */
        String notIdle(Target target, Instant now) {
            Instant since = now.minus(settings.utilisationLookback());
            Optional<HourlyUtilisation> latest = ledger.utilisation(accountId, since, now.plus(Duration.ofHours(1))).stream()
                    .filter(u -> u.workspaceId().equals(target.workspaceId()) && u.clusterId().equals(target.resourceId()))
                    .max(Comparator.comparing(HourlyUtilisation::hour));
            if (latest.isEmpty()) {
                return "The ledger has no utilisation of cluster " + target.resourceId() + " since " + since
                        + ", so it cannot confirm the cluster is still idle; nothing was changed";
            }
            HourlyUtilisation u = latest.get();
            if (u.avgCpuPercent() >= settings.idleCpuPercent()) {
                return "The ledger's latest hour of cluster " + target.resourceId() + " (" + u.hour() + ") averages "
                        + u.avgCpuPercent() + " % CPU, not under the idle threshold of " + settings.idleCpuPercent()
                        + " %: it is active again; nothing was changed";
            }
            return null;
        }
    }

    /** What an executor sees: the mode, the connections and the tag protection. */
    private record StageContext(String accountId, ExecutionMode mode, ExecutionSettings settings) implements ExecutionContext {
        @Override
        public WorkspaceConnection connection(String workspaceId) {
            WorkspaceConnection c = settings.connections().get(workspaceId);
            if (c == null) {
                throw new ConfigurationException("No connection for workspace '" + workspaceId
                        + "'; give one with LakeSentry.builder().workspaceConnection(...)");
            }
            return c;
        }

        @Override
        public Optional<String> protection(Map<String, String> liveTags) {
            return Optional.ofNullable(settings.protectingTag(liveTags)).map(t -> "tag " + t);
        }
    }
}
