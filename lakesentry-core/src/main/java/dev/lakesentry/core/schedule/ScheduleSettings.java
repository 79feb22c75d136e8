package dev.lakesentry.core.schedule;

import dev.lakesentry.api.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When the scheduler runs each stage and how it retries. Start from {@link #defaults()} and change what you
 * need with the {@code with…} methods; an invalid value fails at once, naming the setting and the value.
 *
 * @param drainEvery         how often the scheduler looks for queued transformation work (a push also asks
 *                           for a transformation at once; this catches imports and missed signals)
 * @param detectionEvery     anomaly and waste detection (default hourly)
 * @param scoringEvery       significance scoring (default daily)
 * @param planningEvery      action plans (default every 30 minutes)
 * @param executionEvery     execution, or {@code null} (the default) for never: the host enables it
 * @param analyseAfterNewData how long after a transformation that changed the ledger detection, scoring and
 *                           planning run for that account (coalescing bursts of pushes), or {@code null} to
 *                           run them only on their own schedules
 * @param maxAttempts        attempts of a stage run that fails for an infrastructure reason before it is
 *                           recorded as failing
 * @param firstRetryDelay    the wait before the first retry; each further retry waits twice as long
 * @param threads            worker threads of this process's scheduler
 * @param pollingInterval    how often the scheduler polls the database for due tasks
 * @param shutdownMaxWait    how long {@code close()} waits for running stages before interrupting them
 * @since 0.1.0
 */
public record ScheduleSettings(Duration drainEvery, Duration detectionEvery, Duration scoringEvery, Duration planningEvery,
                               Duration executionEvery, Duration analyseAfterNewData, int maxAttempts,
                               Duration firstRetryDelay, int threads, Duration pollingInterval, Duration shutdownMaxWait) {
    public ScheduleSettings {
        List<String> problems = new ArrayList<>();
        positive(problems, "drainEvery", drainEvery);
        positive(problems, "detectionEvery", detectionEvery);
        positive(problems, "scoringEvery", scoringEvery);
        positive(problems, "planningEvery", planningEvery);
        if (executionEvery != null) {
            positive(problems, "executionEvery", executionEvery);
        }
        if (analyseAfterNewData != null && analyseAfterNewData.isNegative()) {
            problems.add("analyseAfterNewData must be zero or positive, was " + analyseAfterNewData);
        }
        if (maxAttempts < 1) {
            problems.add("maxAttempts must be at least 1, was " + maxAttempts);
        }
        positive(problems, "firstRetryDelay", firstRetryDelay);
        if (threads < 1) {
            problems.add("threads must be at least 1, was " + threads);
        }
        positive(problems, "pollingInterval", pollingInterval);
        if (shutdownMaxWait == null || shutdownMaxWait.isNegative()) {
            problems.add("shutdownMaxWait must be zero or positive, was " + shutdownMaxWait);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid schedule settings: " + String.join("; ", problems));
        }
    }

    private static void positive(List<String> problems, String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            problems.add(name + " must be positive, was " + d);
        }
    }

    /**
     * ARCHITECTURE.md §1: transformation as soon as work is queued (polled every 5 s), detection hourly,
     * scoring daily, plans every 30 minutes, no execution; analysis 5 s after new ledger data; 5 attempts,
     * the first retry after 10 s; 3 threads; polling every 2 s; 30 s to finish running stages at shutdown.
     */
    public static ScheduleSettings defaults() {
        return new ScheduleSettings(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofDays(1), Duration.ofMinutes(30),
                null, Duration.ofSeconds(5), 5, Duration.ofSeconds(10), 3, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    /** Execution, when enabled. */
    public Optional<Duration> execution() {
        return Optional.ofNullable(executionEvery);
    }

    /** Analysis after new data, when enabled. */
    public Optional<Duration> analysisAfterNewData() {
        return Optional.ofNullable(analyseAfterNewData);
    }

    public ScheduleSettings withDrainEvery(Duration d) {
        return new ScheduleSettings(d, detectionEvery, scoringEvery, planningEvery, executionEvery, analyseAfterNewData,
                maxAttempts, firstRetryDelay, threads, pollingInterval, shutdownMaxWait);
    }

    public ScheduleSettings withDetectionEvery(Duration d) {
        return new ScheduleSettings(drainEvery, d, scoringEvery, planningEvery, executionEvery, analyseAfterNewData,
                maxAttempts, firstRetryDelay, threads, pollingInterval, shutdownMaxWait);
    }

    public ScheduleSettings withScoringEvery(Duration d) {
        return new ScheduleSettings(drainEvery, detectionEvery, d, planningEvery, executionEvery, analyseAfterNewData,
                maxAttempts, firstRetryDelay, threads, pollingInterval, shutdownMaxWait);
    }

    public ScheduleSettings withPlanningEvery(Duration d) {
        return new ScheduleSettings(drainEvery, detectionEvery, scoringEvery, d, executionEvery, analyseAfterNewData,
                maxAttempts, firstRetryDelay, threads, pollingInterval, shutdownMaxWait);
    }

    /** Enables execution on this schedule ({@code null} disables it). */
    public ScheduleSettings withExecutionEvery(Duration d) {
        return new ScheduleSettings(drainEvery, detectionEvery, scoringEvery, planningEvery, d, analyseAfterNewData,
                maxAttempts, firstRetryDelay, threads, pollingInterval, shutdownMaxWait);
    }

    /** Analysis this long after new ledger data ({@code null}: only on the stages' own schedules). */
    public ScheduleSettings withAnalyseAfterNewData(Duration d) {
        return new ScheduleSettings(drainEvery, detectionEvery, scoringEvery, planningEvery, executionEvery, d,
                maxAttempts, firstRetryDelay, threads, pollingInterval, shutdownMaxWait);
    }

    public ScheduleSettings withRetries(int attempts, Duration firstDelay) {
        return new ScheduleSettings(drainEvery, detectionEvery, scoringEvery, planningEvery, executionEvery,
                analyseAfterNewData, attempts, firstDelay, threads, pollingInterval, shutdownMaxWait);
    }

    public ScheduleSettings withThreads(int n) {
        return new ScheduleSettings(drainEvery, detectionEvery, scoringEvery, planningEvery, executionEvery,
                analyseAfterNewData, maxAttempts, firstRetryDelay, n, pollingInterval, shutdownMaxWait);
    }

    public ScheduleSettings withPollingInterval(Duration d) {
        return new ScheduleSettings(drainEvery, detectionEvery, scoringEvery, planningEvery, executionEvery,
                analyseAfterNewData, maxAttempts, firstRetryDelay, threads, d, shutdownMaxWait);
    }

    public ScheduleSettings withShutdownMaxWait(Duration d) {
        return new ScheduleSettings(drainEvery, detectionEvery, scoringEvery, planningEvery, executionEvery,
                analyseAfterNewData, maxAttempts, firstRetryDelay, threads, pollingInterval, d);
    }
}
