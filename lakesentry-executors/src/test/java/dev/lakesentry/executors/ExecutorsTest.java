package dev.lakesentry.executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.Money;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.ExecutionMode;
import dev.lakesentry.api.plan.FieldChange;
import dev.lakesentry.api.plan.RiskTier;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.ActionExecutorProvider;
import dev.lakesentry.api.spi.ExecutionResult;
import dev.lakesentry.api.spi.ExecutionStatus;
import dev.lakesentry.api.spi.PluginConfig;
import dev.lakesentry.testkit.emulator.DatabricksEmulator;
import dev.lakesentry.testkit.emulator.Fault;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every executor through the real SDK over HTTP against the emulator; the call log proves what was changed. */
@Timeout(60)
class ExecutorsTest {
    static final Instant EMULATOR_TIME = Instant.parse("2025-03-10T12:00:00Z");
    static final Instant PLANNED = Instant.parse("2025-03-10T13:00:00Z");
    static final ExecutorSettings FAST = new ExecutorSettings(Duration.ofSeconds(1), 2);

    DatabricksEmulator emulator;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.builder().clock(Clock.fixed(EMULATOR_TIME, ZoneOffset.UTC)).start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    static ActionPlan plan(ActionType type, TargetKind kind, String id, FieldChange... changes) {
        Target target = new Target(kind, "ws-1", id);
        return new ActionPlan(ActionPlan.idOf("ins-" + id, type, target), "acc-1", "ins-" + id, type, target,
                List.of(changes), Money.usd(new BigDecimal("100")), RiskTier.REVIEW, true, PLANNED);
    }

    static ActionPlan terminate(String clusterId) {
        return plan(ActionType.TERMINATE_CLUSTER, TargetKind.CLUSTER, clusterId, new FieldChange("state", "RUNNING", "TERMINATED"));
    }

    String runningCluster(Map<String, ?> extra) {
        java.util.Map<String, Object> spec = new java.util.LinkedHashMap<>(Map.of("cluster_id", "c-1", "state", "RUNNING",
                "autoscale", Map.of("min_workers", 2, "max_workers", 12), "autotermination_minutes", 0));
        spec.putAll(extra);
        return emulator.addCluster(spec);
    }

    @Test
    void terminateAppliesAndRollsBackByStarting() {
        runningCluster(Map.of());
        TerminateClusterExecutor executor = new TerminateClusterExecutor(FAST);
        ExecutionResult result = executor.execute(terminate("c-1"), TestContext.of(emulator, ExecutionMode.APPLY));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.liveChanges()).containsExactly(new FieldChange("state", "RUNNING", "TERMINATED"));
        assertThat(emulator.cluster("c-1").orElseThrow()).containsEntry("state", "TERMINATED");
        assertThat(emulator.calls().mutatingCalls()).extracting(c -> c.path()).containsExactly("/api/2.1/clusters/delete");

        ExecutionResult back = executor.rollback(terminate("c-1"), result.liveChanges(), TestContext.of(emulator, ExecutionMode.APPLY));
        assertThat(back.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(back.liveChanges()).containsExactly(new FieldChange("state", "TERMINATED", "RUNNING"));
        assertThat(emulator.cluster("c-1").orElseThrow()).containsEntry("state", "RUNNING");
    }

    @Test
    void terminateRefusesAClusterThatIsNotRunningOrWasRestartedAfterThePlan() {
        emulator.addCluster(Map.of("cluster_id", "c-off", "state", "TERMINATED"));
        emulator.addCluster(Map.of("cluster_id", "c-new", "state", "RUNNING",
                "start_time", PLANNED.plusSeconds(60).toEpochMilli()));
        TerminateClusterExecutor executor = new TerminateClusterExecutor(FAST);

        ExecutionResult off = executor.execute(terminate("c-off"), TestContext.of(emulator, ExecutionMode.APPLY));
        ExecutionResult restarted = executor.execute(terminate("c-new"), TestContext.of(emulator, ExecutionMode.APPLY));

        assertThat(off.status()).isEqualTo(ExecutionStatus.SKIPPED_STALE);
        assertThat(off.message()).contains("state is TERMINATED in live state");
        assertThat(restarted.status()).isEqualTo(ExecutionStatus.SKIPPED_STALE);
        assertThat(restarted.message()).contains("after the plan was made");
        assertThat(emulator.calls().mutatingCalls()).isEmpty();
    }

    @Test
    void dryRunComputesTheExactChangesAgainstLiveStateAndChangesNothing() {
        runningCluster(Map.of());
        emulator.addWarehouse(Map.of("id", "wh-1", "auto_stop_mins", 120));
        long job = emulator.addJob(Map.of("settings", Map.of("name", "nightly", "schedule",
                Map.of("quartz_cron_expression", "0 0 2 * * ?", "timezone_id", "UTC", "pause_status", "UNPAUSED"))));
        var dry = TestContext.of(emulator, ExecutionMode.DRY_RUN);

        List<ExecutionResult> results = List.of(
                new TerminateClusterExecutor(FAST).execute(terminate("c-1"), dry),
                new ClusterAutoscaleExecutor(FAST).execute(plan(ActionType.SET_CLUSTER_AUTOSCALE, TargetKind.CLUSTER, "c-1",
                        new FieldChange("autoscale.max_workers", "12", "4")), dry),
                new ClusterAutoTerminationExecutor(FAST).execute(plan(ActionType.SET_CLUSTER_AUTO_TERMINATION,
                        TargetKind.CLUSTER, "c-1", new FieldChange("autotermination_minutes", "0", "60")), dry),
                new WarehouseAutoStopExecutor(FAST).execute(plan(ActionType.SET_WAREHOUSE_AUTO_STOP, TargetKind.SQL_WAREHOUSE,
                        "wh-1", new FieldChange("auto_stop_mins", "120", "10")), dry),
                new PauseJobScheduleExecutor(FAST).execute(plan(ActionType.PAUSE_JOB_SCHEDULE, TargetKind.JOB,
                        Long.toString(job), new FieldChange("schedule.pause_status", "UNPAUSED", "PAUSED")), dry));

        assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(ExecutionStatus.DRY_RUN));
        assertThat(results).flatExtracting(ExecutionResult::liveChanges).containsExactly(
                new FieldChange("state", "RUNNING", "TERMINATED"),
                new FieldChange("autoscale.max_workers", "12", "4"),
                new FieldChange("autotermination_minutes", "0", "60"),
                new FieldChange("auto_stop_mins", "120", "10"),
                new FieldChange("schedule.pause_status", "UNPAUSED", "PAUSED"));
        assertThat(emulator.calls().mutatingCalls()).isEmpty();
    }

    @Test
    void autoscaleSetsTheMaximumKeepsTheMinimumAndRollsBack() {
        runningCluster(Map.of());
        ClusterAutoscaleExecutor executor = new ClusterAutoscaleExecutor(FAST);
        ActionPlan plan = plan(ActionType.SET_CLUSTER_AUTOSCALE, TargetKind.CLUSTER, "c-1",
                new FieldChange("autoscale.max_workers", "12", "4"));

        ExecutionResult result = executor.execute(plan, TestContext.of(emulator, ExecutionMode.APPLY));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(emulator.cluster("c-1").orElseThrow().get("autoscale")).isEqualTo(Map.of("min_workers", 2, "max_workers", 4));
        assertThat(emulator.calls().mutatingCalls().get(0).body()).contains("\"update_mask\":\"autoscale\"");

        assertThat(executor.rollback(plan, result.liveChanges(), TestContext.of(emulator, ExecutionMode.APPLY)).status())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(emulator.cluster("c-1").orElseThrow().get("autoscale")).isEqualTo(Map.of("min_workers", 2, "max_workers", 12));
    }

    @Test
    void fixedSizeClustersGetNumWorkers() {
        emulator.addCluster(Map.of("cluster_id", "c-fixed", "state", "TERMINATED", "num_workers", 8));
        ExecutionResult result = new ClusterAutoscaleExecutor(FAST).execute(plan(ActionType.SET_CLUSTER_AUTOSCALE,
                TargetKind.CLUSTER, "c-fixed", new FieldChange("num_workers", "8", "3")), TestContext.of(emulator, ExecutionMode.APPLY));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(emulator.cluster("c-fixed").orElseThrow()).containsEntry("num_workers", 3).doesNotContainKey("autoscale");
    }

    @Test
    void autoTerminationIsSetAndRestored() {
        runningCluster(Map.of());
        ClusterAutoTerminationExecutor executor = new ClusterAutoTerminationExecutor(FAST);
        ActionPlan plan = plan(ActionType.SET_CLUSTER_AUTO_TERMINATION, TargetKind.CLUSTER, "c-1",
                new FieldChange("autotermination_minutes", "0", "60"));

        ExecutionResult result = executor.execute(plan, TestContext.of(emulator, ExecutionMode.APPLY));
        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(emulator.cluster("c-1").orElseThrow()).containsEntry("autotermination_minutes", 60);

        executor.rollback(plan, result.liveChanges(), TestContext.of(emulator, ExecutionMode.APPLY));
        assertThat(emulator.cluster("c-1").orElseThrow()).containsEntry("autotermination_minutes", 0);
    }

    @Test
    void anEditRefusesWhenTheSettingNoLongerEqualsThePreImage() {
        runningCluster(Map.of("autotermination_minutes", 30));
        ExecutionResult result = new ClusterAutoTerminationExecutor(FAST).execute(plan(ActionType.SET_CLUSTER_AUTO_TERMINATION,
                TargetKind.CLUSTER, "c-1", new FieldChange("autotermination_minutes", "0", "60")), TestContext.of(emulator, ExecutionMode.APPLY));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SKIPPED_STALE);
        assertThat(result.message()).contains("autotermination_minutes is 30 in live state, the plan was made against 0");
        assertThat(emulator.calls().mutatingCalls()).isEmpty();
    }

    @Test
    void warehouseAutoStopIsEditedWithTheFullObjectAndRestored() {
        emulator.addWarehouse(Map.of("id", "wh-1", "name", "bi", "cluster_size", "Medium", "auto_stop_mins", 120,
                "min_num_clusters", 1, "max_num_clusters", 3));
        WarehouseAutoStopExecutor executor = new WarehouseAutoStopExecutor(FAST);
        ActionPlan plan = plan(ActionType.SET_WAREHOUSE_AUTO_STOP, TargetKind.SQL_WAREHOUSE, "wh-1",
                new FieldChange("auto_stop_mins", "120", "10"));

        ExecutionResult result = executor.execute(plan, TestContext.of(emulator, ExecutionMode.APPLY));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(emulator.warehouse("wh-1").orElseThrow()).containsEntry("auto_stop_mins", 10)
                .containsEntry("cluster_size", "Medium").containsEntry("max_num_clusters", 3).containsEntry("name", "bi");
        assertThat(emulator.calls().mutatingCalls().get(0).body()).contains("\"cluster_size\":\"Medium\"");

        executor.rollback(plan, result.liveChanges(), TestContext.of(emulator, ExecutionMode.APPLY));
        assertThat(emulator.warehouse("wh-1").orElseThrow()).containsEntry("auto_stop_mins", 120);
    }

    @Test
    void jobSchedulePausedKeepingTheCronAndResumedOnRollback() {
        long job = emulator.addJob(Map.of("settings", Map.of("name", "nightly", "schedule",
                Map.of("quartz_cron_expression", "0 0 2 * * ?", "timezone_id", "UTC", "pause_status", "UNPAUSED"))));
        PauseJobScheduleExecutor executor = new PauseJobScheduleExecutor(FAST);
        ActionPlan plan = plan(ActionType.PAUSE_JOB_SCHEDULE, TargetKind.JOB, Long.toString(job),
                new FieldChange("schedule.pause_status", "UNPAUSED", "PAUSED"));

        ExecutionResult result = executor.execute(plan, TestContext.of(emulator, ExecutionMode.APPLY));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(schedule(job)).containsEntry("pause_status", "PAUSED").containsEntry("quartz_cron_expression", "0 0 2 * * ?");
        executor.rollback(plan, result.liveChanges(), TestContext.of(emulator, ExecutionMode.APPLY));
        assertThat(schedule(job)).containsEntry("pause_status", "UNPAUSED");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> schedule(long job) {
        Map<String, Object> settings = (Map<String, Object>) emulator.job(job).orElseThrow().get("settings");
        return (Map<String, Object>) settings.get("schedule");
    }

    @Test
    void aResourceProtectedByATagInLiveStateIsNeverChanged() {
        runningCluster(Map.of("custom_tags", Map.of("lakesentry-protected", "true")));
        ExecutionResult result = new TerminateClusterExecutor(FAST).execute(terminate("c-1"), TestContext.of(emulator, ExecutionMode.APPLY));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SKIPPED_STALE);
        assertThat(result.message()).contains("protected");
        assertThat(emulator.calls().mutatingCalls()).isEmpty();
    }

    @Test
    void throttlingThatOutlastsTheSdkRetriesFailsWithTheStatusAndChangesNothing() {
        runningCluster(Map.of());
        emulator.faults().always("POST", "/api/2.1/clusters/delete", Fault.tooManyRequests(0));

        ExecutionResult result = new TerminateClusterExecutor(FAST).execute(terminate("c-1"), TestContext.of(emulator, ExecutionMode.APPLY));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.message()).contains("HTTP 429").contains("shows no change");
        assertThat(result.liveChanges()).containsExactly(new FieldChange("state", "RUNNING", "TERMINATED"));
        assertThat(emulator.cluster("c-1").orElseThrow()).containsEntry("state", "RUNNING");
    }

    @Test
    void serverErrorsAreRetriedWithinTheBudgetThenFail() {
        runningCluster(Map.of());
        emulator.faults().always("POST", "/api/2.1/clusters/delete", Fault.internalError());

        ExecutionResult result = new TerminateClusterExecutor(FAST).execute(terminate("c-1"), TestContext.of(emulator, ExecutionMode.APPLY));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.message()).contains("HTTP 500");
        assertThat(emulator.calls().count("POST", "/api/2.1/clusters/delete")).isEqualTo(FAST.maxAttempts());
        assertThat(emulator.cluster("c-1").orElseThrow()).containsEntry("state", "RUNNING");
    }

    @Test
    void aSingleServerErrorIsRetried() {
        runningCluster(Map.of());
        emulator.faults().next("POST", "/api/2.1/clusters/delete", Fault.internalError());
        emulator.faults().next("GET", "/api/2.1/clusters/get", Fault.internalError());

        ExecutionResult result = new TerminateClusterExecutor(FAST).execute(terminate("c-1"), TestContext.of(emulator, ExecutionMode.APPLY));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(emulator.cluster("c-1").orElseThrow()).containsEntry("state", "TERMINATED");
    }

    @Test
    void aTimeoutFailsAndRecordsWhatLiveStateShowedAfterwards() {
        runningCluster(Map.of("autotermination_minutes", 0));
        emulator.faults().always("POST", "/api/2.1/clusters/update", Fault.delay(Duration.ofMillis(1500)));
        ExecutorSettings once = new ExecutorSettings(Duration.ofSeconds(1), 1);

        ExecutionResult result = new ClusterAutoTerminationExecutor(once).execute(plan(ActionType.SET_CLUSTER_AUTO_TERMINATION,
                TargetKind.CLUSTER, "c-1", new FieldChange("autotermination_minutes", "0", "60")), TestContext.of(emulator, ExecutionMode.APPLY));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.message()).contains("timed out").contains("live state read afterwards");
        assertThat(result.liveChanges()).containsExactly(new FieldChange("autotermination_minutes", "0", "60"));
    }

    @Test
    void readFailuresSurfaceAsExternalServiceExceptionsWithTheStatus() {
        runningCluster(Map.of());
        emulator.faults().always("GET", "/api/2.1/clusters/get", Fault.error(403, "PERMISSION_DENIED", "no"));

        assertThatThrownBy(() -> new TerminateClusterExecutor(FAST).execute(terminate("c-1"), TestContext.of(emulator, ExecutionMode.APPLY)))
                .isInstanceOfSatisfying(dev.lakesentry.api.ExternalServiceException.class,
                        e -> assertThat(e.status()).hasValue(403))
                .hasMessageNotContaining(emulator.token());
        assertThat(emulator.calls().mutatingCalls()).isEmpty();
    }

    @Test
    void providersAreFoundThroughTheServiceLoaderAndValidateTheirSettings() {
        List<ActionExecutorProvider> providers = ServiceLoader.load(ActionExecutorProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(providers).extracting(ActionExecutorProvider::id).containsExactlyInAnyOrder(
                "lakesentry.terminate-cluster", "lakesentry.set-cluster-autoscale", "lakesentry.set-cluster-auto-termination",
                "lakesentry.set-warehouse-auto-stop", "lakesentry.pause-job-schedule");
        for (ActionExecutorProvider p : providers) {
            ActionExecutor executor = p.create(PluginConfig.of(p.id(), Map.of("http-timeout", "5s", "max-attempts", "2")));
            assertThat(executor.id()).isEqualTo(p.id());
            assertThat(p.id()).isEqualTo("lakesentry." + executor.actionType().value());
        }
        assertThatThrownBy(() -> providers.get(0).create(PluginConfig.of(providers.get(0).id(), Map.of("retries", "2"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("retries");
    }
}
