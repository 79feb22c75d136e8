package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of a job, assembled from its run-timeline slices.
 *
 * @param accountId   the account
 * @param workUnit    the job
 * @param runId       the run id
 * @param start       first slice's start
 * @param end         last slice's end
 * @param resultState {@code SUCCEEDED}, {@code FAILED}, …; {@code null} while running
 * @param triggerType the trigger, or {@code null}
 * @param attempt     1 for a first attempt, higher for repairs and retries of the same logical run
 * @param computeIds  the compute the run and its tasks used (job clusters, all-purpose clusters,
 *                    warehouses), which links jobs on all-purpose clusters to their cost
 * @since 0.1.0
 */
public record WorkUnitRun(String accountId, WorkUnitRef workUnit, String runId, Instant start, Instant end,
                          String resultState, String triggerType, int attempt, List<String> computeIds) {
    public WorkUnitRun {
        Checks.notBlank(accountId, "WorkUnitRun", "accountId");
        Checks.notNull(workUnit, "WorkUnitRun", "workUnit");
        Checks.notBlank(runId, "WorkUnitRun", "runId");
        Checks.notNull(start, "WorkUnitRun", "start");
        Checks.notNull(end, "WorkUnitRun", "end");
        Checks.ordered(start, end, "WorkUnitRun", "start", "end");
        if (attempt < 1) {
            throw new IllegalArgumentException("WorkUnitRun.attempt must be at least 1, was " + attempt);
        }
        computeIds = Checks.list(computeIds, "WorkUnitRun", "computeIds");
    }

    /** How long the run took. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Whether the run has finished (it has a result state). */
    public boolean finished() {
        return resultState != null;
    }

    /** Whether the run failed (any finished state other than success, skip or cancellation). */
    public boolean failed() {
        return resultState != null && !(resultState.equals("SUCCEEDED") || resultState.equals("SUCCESS")
                || resultState.equals("SKIPPED") || resultState.equals("CANCELLED") || resultState.equals("CANCELED"));
    }

    /** The result state, if finished. */
    public Optional<String> result() {
        return Optional.ofNullable(resultState);
    }
}
