package dev.lakesentry.core.schedule;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.StoreException;
import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageResult;
import dev.lakesentry.api.stage.StageRun;
import dev.lakesentry.api.store.StageRunLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A stage that failed because the store went away usually cannot be recorded either; its own error must not be lost. */
class StageRunnerRecordTest {
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void aFailureThatCannotBeRecordedStillSaysWhatFailed() {
        StageResult failed = new StageResult(StageName.TRANSFORMATION, "acc", T, List.of(), 0, 0, Map.of(), T, T,
                StageOutcome.FAILED, "Lost the connection to jdbc:postgresql://db/x on table ledger_usage");
        StageParts parts = new StageParts(a -> failed, (a, p) -> failed, a -> failed, a -> failed, a -> failed, a -> failed,
                a -> T, List::of, a -> true);
        StageRunLog log = new StageRunLog() {
            @Override
            public StageRun append(StageRun run) {
                throw new StoreException("Lost the connection to jdbc:postgresql://db/x on table ops_stage_run", null);
            }

            @Override
            public List<StageRun> recent(String accountId, int limit) {
                return List.of();
            }

            @Override
            public List<StageRun> since(String accountId, long afterSequence) {
                return List.of();
            }

            @Override
            public Optional<StageRun> latest(String accountId, StageName stage, StageOutcome outcome) {
                return Optional.empty();
            }
        };
        StageRunner runner = new StageRunner(parts, log, (account, stage, owner) -> Optional.empty(),
                Clock.fixed(T, ZoneOffset.UTC), "test");
        assertThatThrownBy(() -> runner.run(StageName.TRANSFORMATION, "acc", 1, 1)).isInstanceOf(StoreException.class)
                .hasMessage("TRANSFORMATION of account 'acc' failed: Lost the connection to jdbc:postgresql://db/x on table "
                        + "ledger_usage; recording the failure failed too: Lost the connection to jdbc:postgresql://db/x on "
                        + "table ops_stage_run");
    }
}
