package dev.lakesentry.api.store;

import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageRun;
import java.util.List;
import java.util.Optional;

/**
 * The log of stage runs, per account, append-only. Orchestration writes one entry per stage run (its as-of
 * time, partitions, rows in and out, duration, outcome and error); {@code status} and the scheduler read it.
 *
 * @since 0.1.0
 */
public interface StageRunLog {

    /** Appends a run; returns it with the sequence the store gave it (increasing in append order). */
    StageRun append(StageRun run);

    /** The account's most recent runs, newest first, at most {@code limit}. */
    List<StageRun> recent(String accountId, int limit);

    /** The account's runs appended after {@code afterSequence}, oldest first. */
    List<StageRun> since(String accountId, long afterSequence);

    /** The account's latest run of the stage that ended with the outcome, if any. */
    Optional<StageRun> latest(String accountId, StageName stage, StageOutcome outcome);
}
