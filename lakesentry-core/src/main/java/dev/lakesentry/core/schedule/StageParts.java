package dev.lakesentry.core.schedule;

import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.stage.StageResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
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
 * @param unattributed     what the ledger holds beyond the store's attribution mark, read from the data; empty
 *                         when the store keeps no such mark
 * @param markAttributed   records the attribution mark (called only when {@code unattributed} gave a value)
 * @since 0.1.0
 */
public record StageParts(Function<String, StageResult> transform, BiFunction<String, List<Partition>, StageResult> attribute,
                         Function<String, StageResult> detect, Function<String, StageResult> score,
                         Function<String, StageResult> plan, Function<String, StageResult> execute,
                         Function<String, Instant> asOf, Supplier<List<String>> accounts,
                         Predicate<String> transformPending, Function<String, Optional<UnattributedBuilds>> unattributed,
                         BiConsumer<String, Long> markAttributed) {
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
        Objects.requireNonNull(unattributed, "unattributed");
        Objects.requireNonNull(markAttributed, "markAttributed");
    }

    /** Parts without an attribution mark: pending attribution is read from the run log alone. */
    public StageParts(Function<String, StageResult> transform, BiFunction<String, List<Partition>, StageResult> attribute,
                      Function<String, StageResult> detect, Function<String, StageResult> score,
                      Function<String, StageResult> plan, Function<String, StageResult> execute,
                      Function<String, Instant> asOf, Supplier<List<String>> accounts, Predicate<String> transformPending) {
        this(transform, attribute, detect, score, plan, execute, asOf, accounts, transformPending, a -> Optional.empty(),
                (a, s) -> {
                    throw new UnsupportedOperationException("These parts keep no attribution mark");
                });
    }

    /**
     * What the ledger holds beyond what attribution covered, from marks in the data rather than the run log.
     *
     * @param ledgerMark the ledger's build mark when read (recorded as the attribution mark once these are done)
     * @param partitions the days transformations after the attribution mark recomputed; empty when none did
     */
    public record UnattributedBuilds(long ledgerMark, List<Partition> partitions) {
        public UnattributedBuilds {
            partitions = List.copyOf(partitions);
        }
    }
}
