package dev.lakesentry.api.stage;

import dev.lakesentry.api.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of one stage run: what it covered, rows in and out, timing and outcome. {@code status}
 * shows these, so "how fresh is this number" has an answer.
 *
 * @param stage       the stage
 * @param accountId   the account
 * @param asOf        the as-of time used
 * @param partitions  the partitions recomputed
 * @param rowsIn      input rows read
 * @param rowsOut     output rows written
 * @param stepRows    rows written per step, in the order run (e.g. {@code usage → 1234})
 * @param startedAt   when it started (from the host's clock)
 * @param finishedAt  when it ended
 * @param outcome     how it ended
 * @param error       the error message when it failed, else {@code null}
 * @since 0.1.0
 */
public record StageResult(StageName stage, String accountId, Instant asOf, List<Partition> partitions, long rowsIn,
                          long rowsOut, Map<String, Long> stepRows, Instant startedAt, Instant finishedAt,
                          StageOutcome outcome, String error) {
    public StageResult {
        Checks.notNull(stage, "StageResult", "stage");
        Checks.notBlank(accountId, "StageResult", "accountId");
        Checks.notNull(asOf, "StageResult", "asOf");
        partitions = Checks.list(partitions, "StageResult", "partitions");
        Checks.notNegative(rowsIn, "StageResult", "rowsIn");
        Checks.notNegative(rowsOut, "StageResult", "rowsOut");
        stepRows = stepRows == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stepRows));
        Checks.notNull(startedAt, "StageResult", "startedAt");
        Checks.notNull(finishedAt, "StageResult", "finishedAt");
        Checks.ordered(startedAt, finishedAt, "StageResult", "startedAt", "finishedAt");
        Checks.notNull(outcome, "StageResult", "outcome");
        if ((outcome == StageOutcome.FAILED) != (error != null)) {
            throw new IllegalArgumentException("StageResult.error must be set exactly when the outcome is FAILED, outcome "
                    + outcome + ", error " + error);
        }
    }

    /** How long the run took. */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** The error, when the run failed. */
    public Optional<String> failure() {
        return Optional.ofNullable(error);
    }
}
