package dev.lakesentry.executors;

import com.databricks.sdk.WorkspaceClient;
import dev.lakesentry.api.ExternalServiceException;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.ExecutionMode;
import dev.lakesentry.api.plan.FieldChange;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.ExecutionContext;
import dev.lakesentry.api.spi.ExecutionResult;
import dev.lakesentry.api.spi.ExecutionStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shape every built-in executor shares: read live state, refuse when it is protected or no longer
 * the plan's pre-image, compute the exact changes against it, and only in apply mode make the change;
 * roll back by restoring the recorded pre-image when live state still holds what was set. Subclasses
 * say how to read and how to write their fields.
 */
abstract class DatabricksExecutor implements ActionExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(DatabricksExecutor.class);

    private final String id;
    private final ActionType actionType;
    private final TargetKind targetKind;
    private final Set<String> fields;
    final SdkCalls sdk;

    DatabricksExecutor(String id, ActionType actionType, TargetKind targetKind, Set<String> fields,
                       ExecutorSettings settings) {
        this.id = id;
        this.actionType = actionType;
        this.targetKind = targetKind;
        this.fields = Set.copyOf(fields);
        this.sdk = new SdkCalls(Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final ActionType actionType() {
        return actionType;
    }

    /** Reads the resource's live state (idempotent; retried within the budget). */
    abstract LiveState read(WorkspaceClient client, Target target);

    /** Sets the fields to the values (idempotent: setting the same values twice changes nothing more). */
    abstract void write(WorkspaceClient client, Target target, Map<String, String> values, LiveState live);

    /** A reason live state makes the plan stale beyond its field values, or {@code null}. */
    String staleness(ActionPlan plan, LiveState live) {
        return null;
    }

    @Override
    public final ExecutionResult execute(ActionPlan plan, ExecutionContext context) {
        String refusal = checkPlan(plan);
        if (refusal != null) {
            return new ExecutionResult(ExecutionStatus.FAILED, List.of(), refusal);
        }
        if (context.mode() == ExecutionMode.READ_ONLY) {
            return new ExecutionResult(ExecutionStatus.FAILED, List.of(), "Executor '" + id
                    + "' was called in READ_ONLY mode; nothing runs in that mode");
        }
        WorkspaceClient client = sdk.client(context.connection(plan.target().workspaceId()));
        LiveState live = read(client, plan.target());
        List<FieldChange> liveChanges = new ArrayList<>();
        Map<String, String> targetValues = new LinkedHashMap<>();
        for (FieldChange c : plan.changes()) {
            liveChanges.add(new FieldChange(c.field(), live.value(c.field()), c.after()));
            targetValues.put(c.field(), c.after());
        }
        Optional<String> protection = context.protection(live.tags());
        if (protection.isPresent()) {
            return new ExecutionResult(ExecutionStatus.SKIPPED_STALE, liveChanges, describe(plan.target())
                    + " is protected in live state (" + protection.get() + "); nothing was changed");
        }
        List<String> mismatches = new ArrayList<>();
        for (FieldChange c : plan.changes()) {
            String now = live.value(c.field());
            if (!Objects.equals(now, c.before())) {
                mismatches.add(c.field() + " is " + text(now) + " in live state, the plan was made against " + text(c.before()));
            }
        }
        String extra = staleness(plan, live);
        if (extra != null) {
            mismatches.add(extra);
        }
        if (!mismatches.isEmpty()) {
            return new ExecutionResult(ExecutionStatus.SKIPPED_STALE, liveChanges, describe(plan.target())
                    + " changed since the plan: " + String.join("; ", mismatches) + "; nothing was changed");
        }
        if (context.mode() == ExecutionMode.DRY_RUN) {
            return new ExecutionResult(ExecutionStatus.DRY_RUN, liveChanges, "Dry run: would set " + changes(liveChanges)
                    + " on " + describe(plan.target()) + "; nothing was changed");
        }
        return apply(client, plan.target(), targetValues, live, liveChanges, "set " + changes(liveChanges));
    }

    @Override
    public final ExecutionResult rollback(ActionPlan plan, List<FieldChange> preImage, ExecutionContext context) {
        String refusal = checkPlan(plan);
        if (refusal != null) {
            return new ExecutionResult(ExecutionStatus.FAILED, List.of(), refusal);
        }
        if (!plan.reversible()) {
            return new ExecutionResult(ExecutionStatus.FAILED, List.of(), "Plan " + plan.id() + " is not reversible");
        }
        if (preImage.isEmpty()) {
            return new ExecutionResult(ExecutionStatus.FAILED, List.of(), "Plan " + plan.id()
                    + " has no recorded pre-image to restore");
        }
        WorkspaceClient client = sdk.client(context.connection(plan.target().workspaceId()));
        LiveState live = read(client, plan.target());
        List<FieldChange> restore = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        for (FieldChange recorded : preImage) {
            FieldChange inverse = recorded.inverse();
            String now = live.value(inverse.field());
            restore.add(new FieldChange(inverse.field(), now, inverse.after()));
            values.put(inverse.field(), inverse.after());
            if (!Objects.equals(now, inverse.before())) {
                mismatches.add(inverse.field() + " is " + text(now) + " in live state, not the " + text(inverse.before())
                        + " the plan set");
            }
        }
        Optional<String> protection = context.protection(live.tags());
        if (protection.isPresent()) {
            return new ExecutionResult(ExecutionStatus.SKIPPED_STALE, restore, describe(plan.target())
                    + " is protected in live state (" + protection.get() + "); nothing was restored");
        }
        if (!mismatches.isEmpty()) {
            return new ExecutionResult(ExecutionStatus.SKIPPED_STALE, restore, describe(plan.target())
                    + " changed since the action: " + String.join("; ", mismatches) + "; nothing was restored");
        }
        if (context.mode() == ExecutionMode.DRY_RUN) {
            return new ExecutionResult(ExecutionStatus.DRY_RUN, restore, "Dry run: would restore " + changes(restore)
                    + " on " + describe(plan.target()) + "; nothing was changed");
        }
        return apply(client, plan.target(), values, live, restore, "restore " + changes(restore));
    }

    /**
     * Writes (an idempotent set, retried within the budget); after a failure reads live state again, so
     * the result says whether the change took effect despite the error.
     */
    private ExecutionResult apply(WorkspaceClient client, Target target, Map<String, String> values, LiveState live,
                                  List<FieldChange> liveChanges, String what) {
        try {
            write(client, target, values, live);
            LOG.info("Executor '{}': {} on {}", id, what, describe(target));
            return new ExecutionResult(ExecutionStatus.SUCCEEDED, liveChanges, "Did " + what + " on " + describe(target));
        } catch (ExternalServiceException e) {
            String after;
            try {
                LiveState now = read(client, target);
                boolean applied = values.entrySet().stream().allMatch(v -> Objects.equals(now.value(v.getKey()), v.getValue()));
                after = applied ? "live state read afterwards shows the change took effect ("
                        + values.keySet().stream().map(f -> f + "=" + text(now.value(f))).toList() + ")"
                        : "live state read afterwards shows no change ("
                        + values.keySet().stream().map(f -> f + "=" + text(now.value(f))).toList() + ")";
            } catch (ExternalServiceException readFailure) {
                after = "live state could not be read afterwards (" + readFailure.getMessage() + "), so the outcome is unknown";
            }
            LOG.warn("Executor '{}': {} on {} failed: {}; {}", id, what, describe(target), e.getMessage(), after);
            return new ExecutionResult(ExecutionStatus.FAILED, liveChanges, "Could not " + what + " on " + describe(target)
                    + ": " + e.getMessage() + "; " + after);
        }
    }

    private String checkPlan(ActionPlan plan) {
        if (!plan.actionType().equals(actionType)) {
            return "Executor '" + id + "' carries out " + actionType + " actions, not " + plan.actionType();
        }
        if (plan.target().kind() != targetKind) {
            return "Executor '" + id + "' acts on " + targetKind + " targets, not " + plan.target().kind();
        }
        for (FieldChange c : plan.changes()) {
            if (!fields.contains(c.field())) {
                return "Executor '" + id + "' cannot change field '" + c.field() + "'; it changes " + fields;
            }
        }
        return null;
    }

    static String describe(Target target) {
        return target.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + target.resourceId()
                + " in workspace " + target.workspaceId();
    }

    static String changes(List<FieldChange> changes) {
        return String.join(", ", changes.stream().map(c -> c.field() + " " + text(c.before()) + " -> " + text(c.after())).toList());
    }

    static String text(String value) {
        return value == null ? "(not set)" : value;
    }

    static Long number(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Field '" + field + "' needs a whole number, was '" + value + "'", e);
        }
    }

    static String text(Long value) {
        return value == null ? null : value.toString();
    }
}
