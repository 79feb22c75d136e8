package dev.lakesentry.core.schedule;

import dev.lakesentry.api.ExternalServiceException;
import dev.lakesentry.api.StoreException;
import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageResult;
import dev.lakesentry.api.stage.StageRun;
import dev.lakesentry.api.store.StageLease;
import dev.lakesentry.api.store.StageLocks;
import dev.lakesentry.api.store.StageRunLog;
import dev.lakesentry.core.transform.Partitions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage for one account the way orchestration must: under the account's stage lock, recording the
 * run (as-of time, partitions, rows in and out, duration, outcome, error, attempt) in the store's run log,
 * and saying whether a failure deserves a retry. Used by the {@link PipelineScheduler} and by the synchronous
 * {@link #runDue} for hosts that bring their own scheduler.
 *
 * <p>Transformation is followed by attribution and metric rollups of every partition that a successful
 * transformation touched and no successful attribution has covered since (read from the run log), so an
 * attribution that failed, or a process that stopped in between, is caught up by the next run.
 *
 * @since 0.1.0
 */
public final class StageRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

    private final StageParts parts;
    private final StageRunLog log;
    private final StageLocks locks;
    private final Clock clock;
    private final String process;

    /**
     * @param process names this process in the run log and in lock diagnostics
     */
    public StageRunner(StageParts parts, StageRunLog log, StageLocks locks, Clock clock, String process) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.log = Objects.requireNonNull(log, "log");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.process = Objects.requireNonNull(process, "process");
    }

    /**
     * What one attempt did: the runs it recorded, and whether to try again later (a failure for an
     * infrastructure reason with attempts left).
     *
     * @param runs  the runs recorded, in order
     * @param retry whether the caller should retry with backoff
     */
    public record Attempt(List<StageRun> runs, boolean retry) {
        public Attempt {
            runs = List.copyOf(runs);
        }

        /** Whether any run of this attempt failed. */
        public boolean failed() {
            return runs.stream().anyMatch(r -> r.result().outcome() == StageOutcome.FAILED);
        }
    }

    /** The run log this runner writes. */
    public StageRunLog log() {
        return log;
    }

    /**
     * Runs a stage for an account once. {@link StageName#TRANSFORMATION} drains the account's queue and then
     * runs attribution and rollups of what is not yet attributed; {@link StageName#ATTRIBUTION} only the latter.
     *
     * @param attempt     this attempt's number, from 1
     * @param maxAttempts attempts allowed; a failure on the last one is recorded as failing
     */
    public Attempt run(StageName stage, String accountId, int attempt, int maxAttempts) {
        List<StageRun> runs = new ArrayList<>();
        boolean retry = false;
        boolean last = attempt >= maxAttempts;
        switch (stage) {
            case TRANSFORMATION -> {
                return transformThenAttribute(accountId, parts.transform(), a -> { }, attempt, maxAttempts);
            }
            case ATTRIBUTION -> {
                Optional<Outcome> a = attributePending(accountId);
                if (a.isPresent()) {
                    runs.add(record(a.get(), attempt, last));
                    retry = a.get().retryable && !last;
                }
            }
            case DETECTION -> retry = single(runs, guarded(stage, accountId, true, parts.detect()), attempt, last);
            case SCORING -> retry = single(runs, guarded(stage, accountId, true, parts.score()), attempt, last);
            case PLANNING -> retry = single(runs, guarded(stage, accountId, true, parts.plan()), attempt, last);
            case EXECUTION -> retry = single(runs, guarded(stage, accountId, true, parts.execute()), attempt, last);
            default -> throw new IllegalArgumentException("Stage " + stage + " is not run by orchestration");
        }
        return new Attempt(runs, retry);
    }

    /**
     * Runs a transformation the caller chose (incremental, or a rebuild) for an account and records it in the run
     * log; unless it failed or was locked out, runs {@code beforeAttribution} and then attribution and rollups of
     * every partition a successful transformation touched and no successful attribution has covered since. A
     * process that stops anywhere in between leaves the run log saying what is pending, and the next run catches
     * up; so {@code beforeAttribution} may safely discard analysis results (a rebuild truncating metrics).
     *
     * @param attempt     this attempt's number, from 1
     * @param maxAttempts attempts allowed; a failure on the last one is recorded as failing
     */
    public Attempt transformThenAttribute(String accountId, Function<String, StageResult> transformation,
                                          Consumer<String> beforeAttribution, int attempt, int maxAttempts) {
        List<StageRun> runs = new ArrayList<>();
        boolean last = attempt >= maxAttempts;
        Outcome t = guarded(StageName.TRANSFORMATION, accountId, false, transformation);
        runs.add(record(t, attempt, last));
        boolean retry = t.retryable && !last;
        if (t.result.outcome() == StageOutcome.FAILED || t.result.outcome() == StageOutcome.SKIPPED_LOCKED) {
            return new Attempt(runs, retry);
        }
        beforeAttribution.accept(accountId);
        Optional<Outcome> a = attributePending(accountId);
        if (a.isPresent()) {
            runs.add(record(a.get(), attempt, last));
            retry = a.get().retryable && !last;
        }
        return new Attempt(runs, retry);
    }

    private boolean single(List<StageRun> runs, Outcome o, int attempt, boolean last) {
        runs.add(record(o, attempt, last));
        return o.retryable && !last;
    }

    /**
     * The partitions successful transformations touched since the latest successful attribution, merged, together
     * with those the ledger's build mark shows beyond the store's attribution mark (a transformation that committed
     * but whose run-log record never landed); empty when attribution is up to date.
     */
    public List<Partition> pendingAttribution(String accountId) {
        return pending(accountId).partitions();
    }

    private record Pending(List<Partition> partitions, OptionalLong ledgerMark) {
    }

    private Pending pending(String accountId) {
        // The marks first: a transformation recorded after this read is in the log read below.
        Optional<StageParts.UnattributedBuilds> builds = parts.unattributed().apply(accountId);
        long after = log.latest(accountId, StageName.ATTRIBUTION, StageOutcome.SUCCEEDED).map(StageRun::sequence).orElse(0L);
        SortedSet<LocalDate> days = new TreeSet<>();
        for (StageRun r : log.since(accountId, after)) {
            if (r.stage() == StageName.TRANSFORMATION && r.result().outcome() == StageOutcome.SUCCEEDED) {
                Partitions.addDays(r.result().partitions(), days);
            }
        }
        builds.ifPresent(b -> Partitions.addDays(b.partitions(), days));
        return new Pending(Partitions.of(accountId, days),
                builds.map(b -> OptionalLong.of(b.ledgerMark())).orElseGet(OptionalLong::empty));
    }

    private Optional<Outcome> attributePending(String accountId) {
        Pending pending = pending(accountId);
        if (pending.partitions().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(guarded(StageName.ATTRIBUTION, accountId, true, a -> {
            StageResult r = parts.attribute().apply(a, pending.partitions());
            // Under the attribution lock, after every pending day is attributed: what the ledger held when the
            // pending days were read is now covered.
            if (r.outcome() != StageOutcome.FAILED) {
                pending.ledgerMark().ifPresent(mark -> parts.markAttributed().accept(a, mark));
            }
            return r;
        }));
    }

    /**
     * Runs everything due for every account, synchronously, in dependency order: transformation of queued work
     * with attribution and rollups, then detection, scoring, planning and (when {@code settings} enables it)
     * execution, each when its interval has passed since its last successful run (by the injected clock) or the
     * ledger changed since. Failures are recorded, never retried here: the next call tries again.
     *
     * @return every run recorded
     */
    public List<StageRun> runDue(ScheduleSettings settings) {
        List<StageRun> out = new ArrayList<>();
        for (String account : parts.accounts().get()) {
            if (parts.transformPending().test(account) || !pendingAttribution(account).isEmpty()) {
                out.addAll(run(StageName.TRANSFORMATION, account, 1, 1).runs());
            }
            due(out, settings, account, StageName.DETECTION, settings.detectionEvery());
            due(out, settings, account, StageName.SCORING, settings.scoringEvery());
            due(out, settings, account, StageName.PLANNING, settings.planningEvery());
            settings.execution().ifPresent(every -> due(out, settings, account, StageName.EXECUTION, every));
        }
        return out;
    }

    private void due(List<StageRun> out, ScheduleSettings settings, String account, StageName stage, Duration every) {
        Optional<StageRun> last = log.latest(account, stage, StageOutcome.SUCCEEDED);
        long ledgerChanged = log.latest(account, StageName.ATTRIBUTION, StageOutcome.SUCCEEDED).map(StageRun::sequence).orElse(0L);
        boolean isDue = last.isEmpty() || !last.get().result().finishedAt().plus(every).isAfter(clock.instant())
                || (stage != StageName.EXECUTION && last.get().sequence() < ledgerChanged);
        if (isDue) {
            out.addAll(run(stage, account, 1, 1).runs());
        }
    }

    private record Outcome(StageResult result, boolean retryable) {
    }

    private Outcome guarded(StageName stage, String accountId, boolean lock, Function<String, StageResult> work) {
        Instant started = clock.instant();
        Optional<StageLease> lease = Optional.empty();
        try {
            if (lock) {
                lease = locks.tryAcquire(accountId, stage, process);
                if (lease.isEmpty()) {
                    LOG.info("{} of account '{}' skipped: another process holds its stage lock", stage, accountId);
                    return new Outcome(new StageResult(stage, accountId, asOfOrEpoch(accountId), List.of(), 0, 0, Map.of(),
                            started, later(started), StageOutcome.SKIPPED_LOCKED, null), false);
                }
            }
            StageResult r = work.apply(accountId);
            // The transformation stage catches its own failures (the ledger is unchanged); a retry is safe.
            return new Outcome(r, r.outcome() == StageOutcome.FAILED);
        } catch (RuntimeException e) {
            boolean retryable = infrastructure(e);
            LOG.warn("{} of account '{}' failed ({}): {}", stage, accountId,
                    retryable ? "infrastructure, will retry" : "not retried", e.toString(), e);
            String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Outcome(new StageResult(stage, accountId, asOfOrEpoch(accountId), List.of(), 0, 0, Map.of(), started,
                    later(started), StageOutcome.FAILED, message), retryable);
        } finally {
            lease.ifPresent(StageLease::close);
        }
    }

    private StageRun record(Outcome o, int attempt, boolean last) {
        boolean failing = o.result.outcome() == StageOutcome.FAILED && (last || !o.retryable);
        StageRun run;
        try {
            run = log.append(new StageRun(0, o.result, attempt, failing, process));
        } catch (StoreException e) {
            if (o.result.outcome() != StageOutcome.FAILED) {
                throw e;
            }
            // The store that failed the stage often fails its run log too: keep the stage's own error in front.
            throw new StoreException(o.result.stage() + " of account '" + o.result.accountId() + "' failed: "
                    + o.result.error() + "; recording the failure failed too: " + e.getMessage(), e);
        }
        if (failing) {
            LOG.error("{} of account '{}' is failing after attempt {}: {}", run.stage(), run.accountId(), attempt,
                    o.result.error());
        }
        return run;
    }

    private Instant asOfOrEpoch(String accountId) {
        try {
            return parts.asOf().apply(accountId);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private Instant later(Instant started) {
        Instant now = clock.instant();
        return now.isBefore(started) ? started : now;
    }

    /** Whether a failure comes from the store, the network or a remote service, so a retry may succeed. */
    static boolean infrastructure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreException || t instanceof ExternalServiceException || t instanceof SQLException
                    || t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
