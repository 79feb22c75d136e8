package dev.lakesentry.core.schedule;

import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one stage of an account stands, from the run log: its latest run, its latest success, and its health.
 *
 * @param stage       the stage
 * @param lastRun     the latest run that was not skipped for a lock, or {@code null} when it never ran
 * @param lastSuccess the latest successful (or nothing-to-do) run, or {@code null}
 * @param health      what {@code status} shows
 * @since 0.1.0
 */
public record StageStatus(StageName stage, StageRun lastRun, StageRun lastSuccess, Health health) {

    /** A stage's health. */
    public enum Health {
        /** No run recorded. */
        NEVER_RAN,
        /** The latest run succeeded or had nothing to do. */
        HEALTHY,
        /** The latest run failed and a retry is scheduled. */
        RETRYING,
        /** The latest run failed with no retry left (or for a reason a retry cannot fix). */
        FAILING
    }

    /** The latest run, if any. */
    public Optional<StageRun> last() {
        return Optional.ofNullable(lastRun);
    }

    /** The status of every orchestrated stage from an account's recent runs, newest first. */
    public static List<StageStatus> of(List<StageRun> newestFirst) {
        List<StageStatus> out = new ArrayList<>();
        for (StageName stage : StageName.pipelineOrder()) {
            StageRun last = null;
            StageRun success = null;
            for (StageRun r : newestFirst) {
                if (r.stage() != stage || r.result().outcome() == StageOutcome.SKIPPED_LOCKED) {
                    continue;
                }
                if (last == null) {
                    last = r;
                }
                if (success == null && r.result().outcome() != StageOutcome.FAILED) {
                    success = r;
                }
            }
            Health health = last == null ? Health.NEVER_RAN
                    : last.result().outcome() != StageOutcome.FAILED ? Health.HEALTHY
                    : last.failing() ? Health.FAILING : Health.RETRYING;
            out.add(new StageStatus(stage, last, success, health));
        }
        return out;
    }
}
