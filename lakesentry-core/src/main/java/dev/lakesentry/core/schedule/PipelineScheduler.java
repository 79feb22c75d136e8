package dev.lakesentry.core.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.lakesentry.api.StageException;
import dev.lakesentry.api.stage.StageName;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline by itself on db-scheduler, with its tasks in the store's {@code scheduled_tasks} table,
 * so several host processes on one database share the work and each due task runs once:
 * <ul>
 *   <li>one one-time task per stage and account (instance id = account id), so a stage runs for an account
 *       in one place at a time, retried with exponential backoff when it fails for an infrastructure reason
 *       (a failure on the last attempt is recorded as failing in the run log);</li>
 *   <li>recurring ticks that schedule those tasks: the drain (accounts with queued transformation work),
 *       detection, scoring, planning and, when enabled, execution, each at its configured interval;</li>
 *   <li>a push asks for its account's transformation at once ({@link #transformSoon}); after a transformation
 *       that changed the ledger, detection, scoring and planning follow for that account.</li>
 * </ul>
 * {@link #stop()} lets running stages finish within the configured wait, then interrupts them; every stage
 * writes its layer in one transaction, so an interrupted run rolls back and leaves nothing half-written.
 *
 * @since 0.1.0
 */
public final class PipelineScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineScheduler.class);
    /** Follow-up analysis after new ledger data: detection, scoring and planning in that order. */
    static final String ANALYSIS = "lakesentry-analysis";

    private final StageRunner runner;
    private final StageParts parts;
    private final ScheduleSettings settings;
    private final Clock clock;
    private final Map<StageName, OneTimeTask<Void>> stageTasks = new EnumMap<>(StageName.class);
    private final OneTimeTask<Void> analysisTask;
    private final Scheduler scheduler;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    /**
     * @param dataSource the database whose {@code scheduled_tasks} table holds the tasks (the JDBC store's
     *                   migrations create it)
     * @param process    names this process in the task table ({@code picked_by}, at most 50 characters kept)
     */
    public PipelineScheduler(DataSource dataSource, StageRunner runner, StageParts parts, ScheduleSettings settings,
                             Clock clock, String process) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.parts = Objects.requireNonNull(parts, "parts");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        List<Task<?>> tasks = new ArrayList<>();
        for (StageName stage : List.of(StageName.TRANSFORMATION, StageName.DETECTION, StageName.SCORING,
                StageName.PLANNING, StageName.EXECUTION)) {
            OneTimeTask<Void> task = Tasks.oneTime(taskName(stage))
                    .onFailure(retries())
                    .execute((instance, ctx) -> runStage(stage, instance, ctx));
            stageTasks.put(stage, task);
            tasks.add(task);
        }
        this.analysisTask = Tasks.oneTime(ANALYSIS).onFailure(retries()).execute(this::runAnalysis);
        tasks.add(analysisTask);

        List<RecurringTask<Void>> ticks = new ArrayList<>();
        ticks.add(Tasks.recurring("lakesentry-drain-tick", Schedules.fixedDelay(settings.drainEvery()))
                .execute((instance, ctx) -> drain(ctx)));
        ticks.add(tick(StageName.DETECTION, settings.detectionEvery()));
        ticks.add(tick(StageName.SCORING, settings.scoringEvery()));
        ticks.add(tick(StageName.PLANNING, settings.planningEvery()));
        settings.execution().ifPresent(every -> ticks.add(tick(StageName.EXECUTION, every)));

        String name = Objects.requireNonNull(process, "process");
        SchedulerBuilder builder = new ClockedBuilder(dataSource, tasks, clock)
                .startTasks(ticks)
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(Duration.ofSeconds(Math.max(1, Math.min(60, settings.pollingInterval().toSeconds() * 5))))
                .shutdownMaxWait(settings.shutdownMaxWait())
                .schedulerName(new SchedulerName.Fixed(name.length() > 50 ? name.substring(0, 50) : name))
                .enableImmediateExecution();
        this.scheduler = builder.build();
    }

    /** A builder that hands the host's clock to db-scheduler (it has no public setter for it). */
    private static final class ClockedBuilder extends SchedulerBuilder {
        ClockedBuilder(DataSource dataSource, List<Task<?>> tasks, Clock clock) {
            super(dataSource, tasks);
            this.clock = clock::instant;
        }
    }

    private FailureHandler<Void> retries() {
        return new FailureHandler.MaxRetriesFailureHandler<>(settings.maxAttempts(),
                new FailureHandler.ExponentialBackoffFailureHandler<>(settings.firstRetryDelay(), 2.0));
    }

    private RecurringTask<Void> tick(StageName stage, Duration every) {
        return Tasks.recurring("lakesentry-" + stage.name().toLowerCase(java.util.Locale.ROOT) + "-tick",
                        Schedules.fixedDelay(every))
                .execute((instance, ctx) -> {
                    for (String account : parts.accounts().get()) {
                        ctx.getSchedulerClient().scheduleIfNotExists(stageTasks.get(stage).instance(account), clock.instant());
                    }
                });
    }

    static String taskName(StageName stage) {
        return "lakesentry-" + stage.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void drain(ExecutionContext ctx) {
        for (String account : parts.accounts().get()) {
            if (parts.transformPending().test(account) || !runner.pendingAttribution(account).isEmpty()) {
                ctx.getSchedulerClient().scheduleIfNotExists(stageTasks.get(StageName.TRANSFORMATION).instance(account),
                        clock.instant());
            }
        }
    }

    private void runStage(StageName stage, TaskInstance<Void> instance, ExecutionContext ctx) {
        String account = instance.getId();
        int attempt = ctx.getExecution().consecutiveFailures + 1;
        StageRunner.Attempt a = runner.run(stage, account, attempt, settings.maxAttempts());
        boolean ledgerChanged = stage == StageName.TRANSFORMATION && a.runs().stream().anyMatch(r -> r.stage()
                == StageName.ATTRIBUTION && r.result().outcome() == dev.lakesentry.api.stage.StageOutcome.SUCCEEDED);
        if (ledgerChanged) {
            settings.analysisAfterNewData().ifPresent(delay -> ctx.getSchedulerClient()
                    .scheduleIfNotExists(analysisTask.instance(account), clock.instant().plus(delay)));
        }
        if (a.retry()) {
            throw new StageException(stage + " of account '" + account + "' failed on attempt " + attempt + " of "
                    + settings.maxAttempts() + "; retrying with backoff");
        }
    }

    private void runAnalysis(TaskInstance<Void> instance, ExecutionContext ctx) {
        String account = instance.getId();
        int attempt = ctx.getExecution().consecutiveFailures + 1;
        boolean retry = false;
        for (StageName stage : List.of(StageName.DETECTION, StageName.SCORING, StageName.PLANNING)) {
            retry |= runner.run(stage, account, attempt, settings.maxAttempts()).retry();
        }
        if (retry) {
            throw new StageException("Analysis of account '" + account + "' failed on attempt " + attempt + "; retrying");
        }
    }

    /** Asks for the account's transformation as soon as a worker is free (a no-op when one is already queued). */
    public void transformSoon(String accountId) {
        if (started.get() && !stopped.get()) {
            scheduler.scheduleIfNotExists(stageTasks.get(StageName.TRANSFORMATION).instance(accountId), clock.instant());
        }
    }

    /** Starts polling and running tasks. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        scheduler.start();
        LOG.info("LakeSentry scheduler started: {}", settings);
    }

    /** Whether it runs. */
    public boolean running() {
        return started.get() && !stopped.get();
    }

    /**
     * Stops: no new task starts; running stages get {@code shutdownMaxWait} to finish, then are interrupted and
     * roll back. A task this process had picked and not finished is picked up again by a live process once its
     * heartbeat is seen as dead.
     */
    public void stop() {
        if (!started.get() || !stopped.compareAndSet(false, true)) {
            return;
        }
        scheduler.stop();
        LOG.info("LakeSentry scheduler stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
