package dev.lakesentry.api.stage;

import dev.lakesentry.api.internal.Checks;

/**
 * One recorded stage run: the {@link StageResult} plus what orchestration adds. The run log keeps these in
 * the order they were appended, so {@code status} can say how fresh each stage's output is and whether a
 * stage keeps failing.
 *
 * @param sequence the position in the account's run log, assigned by the store when appended (0 before)
 * @param result   what the run did
 * @param attempt  which attempt this was (1 for the first, more when retried after a failure)
 * @param failing  whether the run failed and no retry is left: the stage is failing until a run succeeds
 * @param process  names the process that ran it (for diagnostics, never a secret)
 * @since 0.1.0
 */
public record StageRun(long sequence, StageResult result, int attempt, boolean failing, String process) {
    public StageRun {
        Checks.notNegative(sequence, "StageRun", "sequence");
        Checks.notNull(result, "StageRun", "result");
        if (attempt < 1) {
            throw new IllegalArgumentException("StageRun.attempt must be at least 1, was " + attempt);
        }
        if (failing && result.outcome() != StageOutcome.FAILED) {
            throw new IllegalArgumentException("StageRun.failing may be set only for a FAILED run, outcome was "
                    + result.outcome());
        }
        Checks.notBlank(process, "StageRun", "process");
    }

    /** The stage that ran. */
    public StageName stage() {
        return result.stage();
    }

    /** The account it ran for. */
    public String accountId() {
        return result.accountId();
    }

    /** The same run at its place in the log. */
    public StageRun at(long position) {
        return new StageRun(position, result, attempt, failing, process);
    }
}
