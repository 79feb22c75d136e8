package dev.lakesentry.core.schedule;

import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.stage.StageResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The pipeline's stage parts the runner orchestrates, as functions of an account, so this package does not
 * depend on the composition root. {@code LakeSentry} builds one from its own stages.
 *
 * @param transform        incremental transformation (takes its own stage lock)
 * @param attribute        attribution and metric rollups of the partitions a transformation touched
 * @param detect           anomaly and waste detection
 * @param score            significance scoring
 * @param plan             action plans
 * @param execute          execution
 * @param asOf             the data's latest time for an account (for runs that fail before they know it)
 * @param accounts         the accounts that have any data
 * @param transformPending whether raw holds extractions the ledger has not taken yet
 * @since 0.1.0
 */
public record StageParts(Function<String, StageResult> transform, BiFunction<String, List<Partition>, StageResult> attribute,
                         Function<String, StageResult> detect, Function<String, StageResult> score,
                         Function<String, StageResult> plan, Function<String, StageResult> execute,
                         Function<String, Instant> asOf, Supplier<List<String>> accounts,
                         Predicate<String> transformPending) {
    public StageParts {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(detect, "detect");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(execute, "execute");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(transformPending, "transformPending");
    }
}
