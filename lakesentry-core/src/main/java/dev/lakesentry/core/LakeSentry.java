package dev.lakesentry.core;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.ledger.TeamMembership;
import dev.lakesentry.api.push.IngestionSink;
import dev.lakesentry.api.push.WatermarkRange;
import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.AttributionRule;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.store.Store;
import dev.lakesentry.api.stage.RunMode;
import dev.lakesentry.api.stage.StageRequest;
import dev.lakesentry.api.stage.StageResult;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.ExecutionMode;
import dev.lakesentry.api.review.Reviewer;
import dev.lakesentry.api.spi.WorkspaceConnection;
import dev.lakesentry.core.execution.ExecutionReport;
import dev.lakesentry.core.execution.ExecutionSettings;
import dev.lakesentry.core.execution.ExecutionStage;
import dev.lakesentry.core.execution.PlanOutcome;
import dev.lakesentry.core.execution.PlanState;
import dev.lakesentry.api.metrics.SignificanceScore;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.store.MetricStep;
import dev.lakesentry.core.analysis.AttributionStage;
import dev.lakesentry.core.analysis.DetectionStage;
import dev.lakesentry.core.analysis.PlanningStage;
import dev.lakesentry.core.analysis.RuleSet;
import dev.lakesentry.core.analysis.ScoringStage;
import dev.lakesentry.core.analysis.ScoringWeights;
import dev.lakesentry.core.ingest.CollectorTokens;
import dev.lakesentry.core.review.Reviews;
import dev.lakesentry.core.schedule.PipelineScheduler;
import dev.lakesentry.core.schedule.ScheduleSettings;
import dev.lakesentry.core.schedule.StageParts;
import dev.lakesentry.core.schedule.StageRunner;
import dev.lakesentry.core.schedule.StageStatus;
import dev.lakesentry.api.push.PushReceipt;
import dev.lakesentry.api.stage.StageRun;
import dev.lakesentry.core.ingest.ConnectorHealthService;
import dev.lakesentry.core.ingest.ImportService;
import dev.lakesentry.core.ingest.IngestionService;
import dev.lakesentry.core.plugin.PluginRegistry;
import dev.lakesentry.core.transform.Partitions;
import dev.lakesentry.core.transform.TransformationStage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline a host application embeds: a store, a clock and the plugins. Build one with
 * {@link #builder()}:
 *
 * <pre>{@code
 * try (LakeSentry lakeSentry = LakeSentry.builder()
 *         .store(store)
 *         .discoverPlugins()
 *         .build()) {
 *     ...
 * }
 * }</pre>
 *
 * The host owns the store: closing the pipeline does not close it.
 *
 * <p>To let the pipeline run by itself, give the builder the database the scheduler keeps its tasks in
 * (for the JDBC store, its own pool) and start it; {@link #close()} stops it gracefully:
 *
 * <pre>{@code
 * LakeSentry lakeSentry = LakeSentry.builder().store(store)
 *         .scheduler(store.dataSource(), ScheduleSettings.defaults())
 *         .build();
 * lakeSentry.startScheduler();   // pushes are now transformed, attributed, analysed and planned on their own
 * }</pre>
 * Hosts with their own scheduler call {@link #runDue()} instead.
 */
public final class LakeSentry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LakeSentry.class);

    private final Store store;
    private final Clock clock;
    private final PluginRegistry plugins;
    private final CollectorTokens tokens;
    private final IngestionService ingestion;
    private final ImportService importer;
    private final ConnectorHealthService health;
    private final TransformationStage transformation;
    private final AttributionStage attribution;
    private final DetectionStage detection;
    private final ScoringStage scoring;
    private final PlanningStage planning;
    private final Reviews reviews;
    private final ExecutionStage execution;
    private final ScheduleSettings schedule;
    private final StageRunner runner;
    private final PipelineScheduler scheduler;
    private final IngestionSink sink;

    private LakeSentry(Builder b, PluginRegistry plugins) {
        this.store = b.store;
        this.clock = b.clock;
        this.plugins = plugins;
        this.tokens = new CollectorTokens(store.tokens(), clock);
        this.ingestion = new IngestionService(tokens, store.rawReader(), store.rawWriter(), clock);
        this.importer = new ImportService(ingestion, b.importChunkSize, 16 * 1024 * 1024);
        this.health = new ConnectorHealthService(store.rawReader(), clock, b.connectorLag);
        this.transformation = new TransformationStage(store.rawReader(), store.ledgerReader(), store.ledgerBuilder(),
                store.stageLocks(), clock, b.correctionHorizon, b.memberships, b.processName);
        this.attribution = new AttributionStage(store.ledgerReader(), store.metricsReader(), store.metricsWriter(),
                b.rules, plugins.attributionRules());
        this.detection = new DetectionStage(store.ledgerReader(), store.metricsReader(), store.insightReader(),
                store.insightWriter(), plugins.detectors());
        this.scoring = new ScoringStage(store.ledgerReader(), store.metricsWriter(), b.scoringWeights, b.scoringPeriod);
        this.planning = new PlanningStage(store.ledgerReader(), store.insightReader(), store.planWriter());
        this.reviews = new Reviews(store.insightReader(), store.planReader(), store.reviewReader(), store.reviewWriter(), clock);
        this.execution = new ExecutionStage(store.planReader(), store.reviewReader(), store.actionReader(),
                store.actionWriter(), store.ledgerReader(), plugins.executors(), b.executionSettings(), clock);
        this.schedule = b.schedule;
        StageParts parts = new StageParts(this::transform, this::attributeAndRollUp, this::detect, this::score, this::plan,
                this::executeStage, this::analysisAsOf, () -> store.rawReader().accounts(),
                a -> store.rawReader().latestSequence(a) > store.ledgerReader().builtThroughSequence(a),
                this::unattributedBuilds, (a, mark) -> store.metricsWriter().markAttributedThrough(a, mark));
        this.runner = b.runLog ? new StageRunner(parts, store.stageRunLog(), store.stageLocks(), clock, b.processName) : null;
        this.scheduler = b.schedulerDataSource == null ? null
                : new PipelineScheduler(b.schedulerDataSource, runner, parts, schedule, clock, b.processName);
        this.sink = scheduler == null ? ingestion : (envelope, token) -> {
            PushReceipt receipt = ingestion.push(envelope, token);
            scheduler.transformSoon(receipt.accountId());
            return receipt;
        };
    }

    /**
     * Starts the scheduler the builder configured: from now on queued transformation work, attribution, detection,
     * scoring, planning and (when enabled) execution run by themselves. Stop it with {@link #close()}.
     *
     * @throws ConfigurationException when the builder was given no {@code scheduler(dataSource)}
     */
    public void startScheduler() {
        if (scheduler == null) {
            throw new ConfigurationException("LakeSentry has no scheduler: call LakeSentry.builder().scheduler(dataSource)"
                    + " with the database holding the scheduled_tasks table (for the JDBC store, store.dataSource())");
        }
        scheduler.start();
    }

    /**
     * Does everything due for every account, synchronously, and records each run in the run log: queued
     * transformation with attribution and rollups, then detection, scoring, planning and (when the schedule
     * enables it) execution whose interval has passed by the injected clock or whose input changed. For tests
     * and hosts that bring their own scheduler.
     *
     * @return the runs recorded
     */
    public List<StageRun> runDue() {
        return runner().runDue(schedule);
    }

    /** The stage runner: one stage for one account, locked and recorded. */
    public StageRunner runner() {
        if (runner == null) {
            throw new ConfigurationException("This LakeSentry records no stage runs: its store " + store.describe()
                    + " keeps no stage run log");
        }
        return runner;
    }

    /** Per stage, the latest run of the account and whether the stage is healthy, retrying or failing. */
    public List<StageStatus> stageStatus(String accountId) {
        return StageStatus.of(runner().log().recent(accountId, 500));
    }

    /** What one pass of the pipeline did for an account. */
    public record PipelineReport(StageResult transformation, long allocations, long metricRows,
                                 DetectionStage.DetectionReport detection, List<SignificanceScore> scores,
                                 List<ActionPlan> plans) {
    }

    /**
     * Runs what is due for an account, synchronously: transformation of what is new, then attribution and
     * metric rollups of the touched partitions, detection, significance scoring and action plans, all as of
     * the data's latest time.
     */
    public PipelineReport runOnce(String accountId) {
        if (runner != null) {
            return analyseLogged(accountId, this::transform, a -> { });
        }
        return analyseAfter(transform(accountId));
    }

    /**
     * Rebuilds the ledger and every analysis result of an account from raw data. With a run log (the JDBC
     * store), the analysis layers are truncated only once the rebuilt ledger is committed and recorded, so a
     * process stopped at any point leaves the next {@link #runOnce} able to finish the analysis.
     */
    public PipelineReport rebuildAll(String accountId) {
        if (runner != null) {
            return analyseLogged(accountId, this::rebuild, this::truncateAnalysis);
        }
        truncateAnalysis(accountId);
        return analyseAfter(rebuild(accountId));
    }

    private void truncateAnalysis(String accountId) {
        store.metricsWriter().truncate(accountId);
        store.insightWriter().truncate(accountId);
        store.planWriter().truncate(accountId);
    }

    /**
     * Transformation and attribution through the stage runner (recorded in the run log, attribution of every
     * partition not yet attributed, under the attribution lock), then detection, scoring and plans. Attribution
     * left undone by a process that stopped after a transformation committed is caught up here.
     */
    private PipelineReport analyseLogged(String accountId, java.util.function.Function<String, StageResult> transformation,
                                         java.util.function.Consumer<String> beforeAttribution) {
        StageRunner.Attempt attempt = runner.transformThenAttribute(accountId, transformation, beforeAttribution, 1, 1);
        StageResult transformed = attempt.runs().get(0).result();
        if (transformed.outcome() == dev.lakesentry.api.stage.StageOutcome.FAILED
                || transformed.outcome() == dev.lakesentry.api.stage.StageOutcome.SKIPPED_LOCKED) {
            return new PipelineReport(transformed, 0, 0, null, List.of(), List.of());
        }
        long allocations = 0;
        long metricRows = 0;
        for (StageRun run : attempt.runs()) {
            StageResult r = run.result();
            if (run.stage() != dev.lakesentry.api.stage.StageName.ATTRIBUTION) {
                continue;
            }
            if (r.outcome() == dev.lakesentry.api.stage.StageOutcome.FAILED) {
                throw new dev.lakesentry.api.LakeSentryException("Attribution of account '" + accountId + "' failed: "
                        + r.error() + ". It is recorded as pending; the next run attributes those days again");
            }
            allocations = r.stepRows().getOrDefault("allocations", 0L);
            metricRows = r.rowsOut() - allocations;
        }
        Instant asOf = analysisAsOf(accountId);
        DetectionStage.DetectionReport found = detection.run(accountId, asOf);
        List<SignificanceScore> scores = scoring.run(accountId, asOf);
        List<ActionPlan> plans = planning.run(accountId, asOf);
        return new PipelineReport(transformed, allocations, metricRows, found, scores, plans);
    }

    private PipelineReport analyseAfter(StageResult transformed) {
        String accountId = transformed.accountId();
        if (transformed.outcome() == dev.lakesentry.api.stage.StageOutcome.FAILED
                || transformed.outcome() == dev.lakesentry.api.stage.StageOutcome.SKIPPED_LOCKED) {
            return new PipelineReport(transformed, 0, 0, null, List.of(), List.of());
        }
        // Attribution of a day reads queries and runs of the days around it (work spanning midnight).
        List<Partition> affected = widen(transformed.partitions());
        long allocations = attribution.run(affected);
        long metricRows = rollUp(affected, new LinkedHashMap<>());
        Instant asOf = analysisAsOf(accountId);
        DetectionStage.DetectionReport found = detection.run(accountId, asOf);
        List<SignificanceScore> scores = scoring.run(accountId, asOf);
        List<ActionPlan> plans = planning.run(accountId, asOf);
        return new PipelineReport(transformed, allocations, metricRows, found, scores, plans);
    }

    private long rollUp(List<Partition> affected, Map<String, Long> stepRows) {
        long metricRows = 0;
        for (Partition p : affected) {
            for (MetricStep step : MetricStep.values()) {
                long n = store.metricBuilder().run(step, p);
                stepRows.merge(step.name().toLowerCase(java.util.Locale.ROOT), n, Long::sum);
                metricRows += n;
            }
        }
        return metricRows;
    }

    /**
     * What the ledger holds beyond the store's attribution mark: the days transformations after that mark
     * recomputed. Empty when the store keeps no attribution mark. (An attribution that moves the mark between the
     * two reads only makes the days a superset, or none when it covered the ledger already.)
     */
    private Optional<StageParts.UnattributedBuilds> unattributedBuilds(String accountId) {
        OptionalLong attributed = store.metricsReader().attributedThroughSequence(accountId);
        if (attributed.isEmpty()) {
            return Optional.empty();
        }
        long built = store.ledgerReader().builtThroughSequence(accountId);
        List<Partition> partitions = built <= attributed.getAsLong() ? List.of()
                : Partitions.of(accountId, transformation.daysToRecompute(accountId, attributed.getAsLong()));
        return Optional.of(new StageParts.UnattributedBuilds(built, partitions));
    }

    /** The as-of time of analysis: the ledger's latest usage time, else the data's latest time. */
    public Instant analysisAsOf(String accountId) {
        return store.ledgerReader().latestUsageTime(accountId).orElseGet(() -> dataAsOf(accountId));
    }

    /**
     * Attribution and metric rollups of the partitions a transformation touched (widened by a day either side,
     * since work spans midnight), as one stage result. Runs without a stage lock: the scheduler takes it.
     *
     * @throws RuntimeException what the store or a rule threw; the caller records the failure
     */
    public StageResult attributeAndRollUp(String accountId, List<Partition> touched) {
        Instant started = clock.instant();
        List<Partition> affected = widen(touched);
        Map<String, Long> stepRows = new LinkedHashMap<>();
        long allocations = attribution.run(affected);
        stepRows.put("allocations", allocations);
        long metricRows = rollUp(affected, stepRows);
        return new StageResult(dev.lakesentry.api.stage.StageName.ATTRIBUTION, accountId, analysisAsOf(accountId), affected,
                0, allocations + metricRows, stepRows, started, laterOf(started), affected.isEmpty()
                ? dev.lakesentry.api.stage.StageOutcome.NOTHING_TO_DO : dev.lakesentry.api.stage.StageOutcome.SUCCEEDED, null);
    }

    /**
     * Anomaly and waste detection as of the data's latest time, as one stage result: insights out, and per
     * detector the insights it found ({@code failed:<id>} counts a detector that threw; the others still ran).
     */
    public StageResult detect(String accountId) {
        Instant started = clock.instant();
        Instant asOf = analysisAsOf(accountId);
        DetectionStage.DetectionReport report = detection.run(accountId, asOf);
        Map<String, Long> stepRows = new LinkedHashMap<>();
        report.found().forEach((id, found) -> stepRows.put(id, (long) found.size()));
        report.failures().keySet().forEach(id -> stepRows.put("failed:" + id, 1L));
        return new StageResult(dev.lakesentry.api.stage.StageName.DETECTION, accountId, asOf, List.of(), 0,
                report.insights().size(), stepRows, started, laterOf(started),
                dev.lakesentry.api.stage.StageOutcome.SUCCEEDED, null);
    }

    /** Significance scoring as of the data's latest time, as one stage result. */
    public StageResult score(String accountId) {
        Instant started = clock.instant();
        Instant asOf = analysisAsOf(accountId);
        List<SignificanceScore> scores = scoring.run(accountId, asOf);
        return new StageResult(dev.lakesentry.api.stage.StageName.SCORING, accountId, asOf, List.of(), 0, scores.size(),
                Map.of(), started, laterOf(started), dev.lakesentry.api.stage.StageOutcome.SUCCEEDED, null);
    }

    /** Action plans from insights as of the data's latest time, as one stage result. */
    public StageResult plan(String accountId) {
        Instant started = clock.instant();
        Instant asOf = analysisAsOf(accountId);
        List<ActionPlan> plans = planning.run(accountId, asOf);
        return new StageResult(dev.lakesentry.api.stage.StageName.PLANNING, accountId, asOf, List.of(), 0, plans.size(),
                Map.of(), started, laterOf(started), dev.lakesentry.api.stage.StageOutcome.SUCCEEDED, null);
    }

    /** {@link #execute(String)} as one stage result: plan outcomes out, as of the execution's own time. */
    public StageResult executeStage(String accountId) {
        Instant started = clock.instant();
        ExecutionReport report = execute(accountId);
        Map<String, Long> stepRows = new LinkedHashMap<>();
        report.outcomes().forEach(o -> stepRows.merge(o.outcome().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
        return new StageResult(dev.lakesentry.api.stage.StageName.EXECUTION, accountId, report.at(), List.of(), 0,
                report.outcomes().size(), stepRows, started, laterOf(started), report.outcomes().isEmpty()
                ? dev.lakesentry.api.stage.StageOutcome.NOTHING_TO_DO : dev.lakesentry.api.stage.StageOutcome.SUCCEEDED, null);
    }

    private Instant laterOf(Instant started) {
        Instant now = clock.instant();
        return now.isBefore(started) ? started : now;
    }

    private static List<Partition> widen(List<Partition> partitions) {
        java.util.TreeSet<java.time.LocalDate> days = new java.util.TreeSet<>();
        for (Partition p : partitions) {
            p.from().minusDays(1).datesUntil(p.to().plusDays(2)).forEach(days::add);
        }
        return partitions.isEmpty() ? List.of() : Partitions.of(partitions.get(0).accountId(), days);
    }

    /** Cost attribution: the engine, for what-if and previews. */
    public AttributionStage attribution() {
        return attribution;
    }

    /**
     * The status of an insight as a person sees it: derived from the insight, its detector's latest run
     * and the review events.
     */
    public dev.lakesentry.api.insight.InsightStatus insightStatus(String accountId, String insightId) {
        dev.lakesentry.api.insight.Insight insight = store.insightReader().insight(accountId, insightId)
                .orElseThrow(() -> dev.lakesentry.api.ValidationException.of("account '" + accountId + "'", "insightId",
                        insightId, "no such insight"));
        return reviews.status(insight, store.insightReader().latestRun(accountId, insight.detectorId()).orElse(null));
    }

    /** Review events and the statuses derived from them. */
    public Reviews reviews() {
        return reviews;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The store the pipeline works on. */
    public Store store() {
        return store;
    }

    /** The clock stage runs are timed with (never used for the data's as-of time). */
    public Clock clock() {
        return clock;
    }

    /** The plugins in use. */
    public PluginRegistry plugins() {
        return plugins;
    }

    /** Where collectors push in process: authenticates, validates and appends to the raw layer. */
    public IngestionSink ingestion() {
        return sink;
    }

    /** Issues, checks and revokes collector tokens. */
    public CollectorTokens tokens() {
        return tokens;
    }

    /** Loads exported system-table files through the same validation as pushes. */
    public ImportService importer() {
        return importer;
    }

    /** Connector health, per connector and table, for a host's connectors page. */
    public ConnectorHealthService connectorHealth() {
        return health;
    }

    /** Builds the ledger for what is new in raw, as of the data's latest ingestion date. */
    public StageResult transform(String accountId) {
        return transformation.run(new StageRequest(accountId, RunMode.INCREMENTAL, List.of(), dataAsOf(accountId)));
    }

    /** Rebuilds the account's ledger from all raw data, as of the data's latest ingestion date. */
    public StageResult rebuild(String accountId) {
        return transformation.run(new StageRequest(accountId, RunMode.REBUILD, List.of(), dataAsOf(accountId)));
    }

    /**
     * The data's own latest time for an account: the latest billing ingestion date, or, without billing
     * data, the highest watermark any extraction reached; the epoch when there is no data at all.
     */
    public Instant dataAsOf(String accountId) {
        return transformation.defaultAsOf(accountId).orElseGet(() -> store.rawReader().extractions(accountId).stream()
                .flatMap(e -> e.watermarkRange().stream()).map(WatermarkRange::to)
                .max(Instant::compareTo).orElse(Instant.EPOCH));
    }

    /** The execution stage, with the settings the builder gave it. */
    public ExecutionStage execution() {
        return execution;
    }

    /**
     * Runs the account's approved plans whose action type the host enabled, each in its type's mode
     * (dry run or apply), under the safety model of {@link ExecutionStage}. With the defaults nothing runs.
     */
    public ExecutionReport execute(String accountId) {
        return execution.run(accountId);
    }

    /** Restores the pre-image an executed plan recorded, audited as a rollback by {@code by}. */
    public PlanOutcome rollback(String accountId, String planId, Reviewer by) {
        return execution.rollback(accountId, planId, by);
    }

    /** A plan's status, derived from review events and the action log. */
    public PlanState planStatus(String accountId, String planId) {
        return execution.status(accountId, planId);
    }

    /** Stops the pipeline's own work; the store stays open (the host owns it). */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.stop();
        }
        LOG.debug("LakeSentry pipeline on {} closed", store.describe());
    }

    /**
     * Builds a {@link LakeSentry}. Plugins come from an explicit {@link PluginRegistry}, or from the
     * builder's own registration methods, never both.
     */
    public static final class Builder {
        private Store store;
        private Clock clock = Clock.systemUTC();
        private PluginRegistry registry;
        private final PluginRegistry.Builder pluginBuilder = PluginRegistry.builder();
        private boolean pluginBuilderUsed;
        private Duration correctionHorizon = Duration.ofDays(3);
        private Duration connectorLag = Duration.ofHours(1);
        private List<TeamMembership> memberships = List.of();
        private int importChunkSize = 10_000;
        private String processName = "lakesentry@" + ProcessHandle.current().pid();
        private final Map<ActionType, ExecutionMode> executionModes = new HashMap<>();
        private int maxActionsPerRun = ExecutionSettings.defaults().maxPerRun();
        private int maxActionsPerHour = ExecutionSettings.defaults().maxPerHour();
        private final Set<String> protectedIds = new LinkedHashSet<>();
        private final Set<String> protectedTags = new LinkedHashSet<>();
        private Duration planMaxAge = ExecutionSettings.defaults().planMaxAge();
        private double idleCpuPercent = ExecutionSettings.defaults().idleCpuPercent();
        private Duration utilisationLookback = ExecutionSettings.defaults().utilisationLookback();
        private final Map<String, WorkspaceConnection> connections = new LinkedHashMap<>();
        private RuleSet rules = RuleSet.empty();
        private ScoringWeights scoringWeights = ScoringWeights.defaults();
        private Duration scoringPeriod = Duration.ofDays(30);
        private javax.sql.DataSource schedulerDataSource;
        private ScheduleSettings schedule = ScheduleSettings.defaults();
        private boolean runLog;

        /**
         * Lets the pipeline run by itself on db-scheduler, keeping its tasks in {@code dataSource}'s
         * {@code scheduled_tasks} table (the JDBC store's migrations create it: pass {@code store.dataSource()}).
         * Several processes given the same database share the work. Start it with {@code startScheduler()}.
         */
        public Builder scheduler(javax.sql.DataSource dataSource, ScheduleSettings settings) {
            this.schedulerDataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.schedule = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** When stages are due for {@code runDue()} (and the scheduler): default {@link ScheduleSettings#defaults()}. */
        public Builder schedule(ScheduleSettings settings) {
            this.schedule = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Attribution rules and workspace default teams (from {@code RuleFiles.load(path)} or built by hand). */
        public Builder attributionRules(RuleSet rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /** Weights of the significance score (default 0.6 cost, 0.2 frequency, 0.2 reliability). */
        public Builder scoringWeights(ScoringWeights weights) {
            this.scoringWeights = Objects.requireNonNull(weights, "weights");
            return this;
        }

        /** The significance scoring period (default 30 days). */
        public Builder scoringPeriod(Duration period) {
            if (period == null || period.toDays() < 1) {
                throw new ConfigurationException("scoringPeriod must be at least one day, was " + period);
            }
            this.scoringPeriod = period;
            return this;
        }

        private Builder() {
        }

        /**
         * How long after its latest ingestion date a usage day stays provisional (default 3 days):
         * corrections arrive days later.
         */
        public Builder correctionHorizon(Duration horizon) {
            if (horizon == null || horizon.isNegative()) {
                throw new ConfigurationException("correctionHorizon must be zero or positive, was " + horizon);
            }
            this.correctionHorizon = horizon;
            return this;
        }

        /** How long without a push before a connector counts as lagging (default 1 hour). */
        public Builder connectorLag(Duration lag) {
            if (lag == null || lag.isNegative() || lag.isZero()) {
                throw new ConfigurationException("connectorLag must be positive, was " + lag);
            }
            this.connectorLag = lag;
            return this;
        }

        /** Principal (or glob pattern) to team memberships; the first match wins. */
        public Builder memberships(List<TeamMembership> memberships) {
            this.memberships = List.copyOf(Objects.requireNonNull(memberships, "memberships"));
            return this;
        }

        /** Records per push when importing exported files (default 10,000). */
        public Builder importChunkSize(int records) {
            if (records < 1) {
                throw new ConfigurationException("importChunkSize must be at least 1, was " + records);
            }
            this.importChunkSize = records;
            return this;
        }

        /** Names this process in stage-lock diagnostics (default {@code lakesentry@<pid>}). */
        public Builder processName(String name) {
            if (name == null || name.isBlank()) {
                throw new ConfigurationException("processName must not be blank");
            }
            this.processName = name;
            return this;
        }

        /**
         * How the execution stage runs an action type (default READ_ONLY for every type: nothing runs).
         * DRY_RUN computes the exact changes against live state and changes nothing; APPLY makes them.
         */
        public Builder executionMode(ActionType type, ExecutionMode mode) {
            executionModes.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(mode, "mode"));
            return this;
        }

        /** The blast radius: most changes per execution run and per hour (defaults 10 and 20). */
        public Builder executionLimits(int perRun, int perHour) {
            if (perRun < 0 || perHour < 0) {
                throw new ConfigurationException("executionLimits must not be negative, were " + perRun + " per run and "
                        + perHour + " per hour");
            }
            this.maxActionsPerRun = perRun;
            this.maxActionsPerHour = perHour;
            return this;
        }

        /** Resource ids (or target keys {@code KIND:workspace:id}) the execution stage never touches. */
        public Builder protectedResources(Collection<String> ids) {
            protectedIds.addAll(List.copyOf(ids));
            return this;
        }

        /** Tags that protect a resource from execution: {@code key} (any value) or {@code key=value}. */
        public Builder protectedTags(Collection<String> tags) {
            for (String t : List.copyOf(tags)) {
                if (t.isBlank() || t.startsWith("=")) {
                    throw new ConfigurationException("A protected tag is 'key' or 'key=value', was '" + t + "'");
                }
                protectedTags.add(t);
            }
            return this;
        }

        /** How old a plan may be before it expires and is never acted on (default 7 days). */
        public Builder planMaxAge(Duration age) {
            if (age == null || age.isNegative() || age.isZero()) {
                throw new ConfigurationException("planMaxAge must be positive, was " + age);
            }
            this.planMaxAge = age;
            return this;
        }

        /**
         * A termination acts only while the ledger's latest hour of the cluster averages less CPU than
         * this (default 5 %), looking back this far for that hour (default 2 days).
         */
        public Builder idleCheck(double cpuPercent, Duration lookback) {
            this.idleCpuPercent = cpuPercent;
            this.utilisationLookback = lookback;
            return this;
        }

        /** How executors reach a workspace's REST API (host and token). */
        public Builder workspaceConnection(WorkspaceConnection connection) {
            connections.put(connection.workspaceId(), connection);
            return this;
        }

        private static boolean keepsRunLog(Store store) {
            try {
                return store.stageRunLog() != null;
            } catch (UnsupportedOperationException e) {
                return false;
            }
        }

        ExecutionSettings executionSettings() {
            return new ExecutionSettings(executionModes, maxActionsPerRun, maxActionsPerHour, protectedIds, protectedTags,
                    planMaxAge, idleCpuPercent, utilisationLookback, connections);
        }

        /** The store (required). */
        public Builder store(Store store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The clock (default: the system clock in UTC); tests inject a fixed one. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A ready-made plugin registry. */
        public Builder plugins(PluginRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Registers a detector; explicit registration wins over discovery. */
        public Builder detector(Detector detector) {
            return plugin(detector);
        }

        /** Registers an attribution rule. */
        public Builder attributionRule(AttributionRule rule) {
            return plugin(rule);
        }

        /** Registers an action executor. */
        public Builder executor(ActionExecutor executor) {
            return plugin(executor);
        }

        /** Discovers plugin providers on the class path of LakeSentry's class loader. */
        public Builder discoverPlugins() {
            pluginBuilder.discover();
            pluginBuilderUsed = true;
            return this;
        }

        /** Discovers plugin providers from this class loader (for example one over a plugin directory). */
        public Builder discoverPlugins(ClassLoader loader) {
            pluginBuilder.discover(loader);
            pluginBuilderUsed = true;
            return this;
        }

        /** Enables only these plugin ids. */
        public Builder enablePlugins(Collection<String> ids) {
            pluginBuilder.enableOnly(ids);
            pluginBuilderUsed = true;
            return this;
        }

        /** Settings for a discovered plugin. */
        public Builder pluginConfig(String id, Map<String, String> settings) {
            pluginBuilder.config(id, settings);
            pluginBuilderUsed = true;
            return this;
        }

        private Builder plugin(Object plugin) {
            pluginBuilder.register(Objects.requireNonNull(plugin, "plugin"));
            pluginBuilderUsed = true;
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @throws ConfigurationException naming what is missing or contradictory
         */
        public LakeSentry build() {
            if (store == null) {
                throw new ConfigurationException("LakeSentry needs a store: call LakeSentry.builder().store(...), "
                        + "for example with the JDBC store of lakesentry-jdbc-store");
            }
            if (registry != null && pluginBuilderUsed) {
                throw new ConfigurationException("LakeSentry was given a PluginRegistry and also plugins or discovery"
                        + " settings on the builder; use one or the other");
            }
            if (!ZoneOffset.UTC.equals(clock.getZone().normalized())) {
                LOG.debug("Clock zone {} is not UTC; LakeSentry uses it only for instants, which carry no zone", clock.getZone());
            }
            executionSettings();
            runLog = keepsRunLog(store);
            if (schedulerDataSource != null && !runLog) {
                throw new ConfigurationException("LakeSentry's scheduler needs a store with a stage run log; "
                        + store.describe() + " has none");
            }
            PluginRegistry plugins = registry != null ? registry : pluginBuilder.build();
            LOG.debug("LakeSentry pipeline on {} with plugins {}", store.describe(), plugins.ids());
            return new LakeSentry(this, plugins);
        }
    }
}
