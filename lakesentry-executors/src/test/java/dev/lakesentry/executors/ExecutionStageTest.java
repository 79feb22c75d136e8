package dev.lakesentry.executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.ConflictException;
import dev.lakesentry.api.Money;
import dev.lakesentry.api.ledger.ClusterVersion;
import dev.lakesentry.api.ledger.HourlyUtilisation;
import dev.lakesentry.api.plan.ActionOutcome;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.ActionRecord;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.ExecutionMode;
import dev.lakesentry.api.plan.FieldChange;
import dev.lakesentry.api.plan.PlanStatus;
import dev.lakesentry.api.plan.RiskTier;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.review.PlanDecision;
import dev.lakesentry.api.review.Reviewer;
import dev.lakesentry.api.spi.WorkspaceConnection;
import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.store.LedgerActivity;
import dev.lakesentry.api.store.LedgerReference;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.core.execution.ExecutionReport;
import dev.lakesentry.core.execution.PlanOutcome;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.testkit.emulator.DatabricksEmulator;
import dev.lakesentry.testkit.emulator.Fault;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The execution stage end to end: core's LakeSentry over the real JDBC store (H2 in memory), the built-in
 * executors discovered through ServiceLoader, the real SDK over HTTP and the emulator, whose call log proves
 * what reached the API.
 */
@Timeout(60)
class ExecutionStageTest {
    static final String ACCOUNT = "acc-1";
    static final String WS = "ws-1";
    static final Instant PLANNED = Instant.parse("2025-03-10T13:00:00Z");
    static final Instant NOW = Instant.parse("2025-03-10T14:00:00Z");
    static final Reviewer ALICE = new Reviewer("alice@example.com");

    DatabricksEmulator emulator;
    JdbcStore store;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.builder().clock(Clock.fixed(Instant.parse("2025-03-10T08:00:00Z"), ZoneOffset.UTC)).start();
        store = JdbcStore.inMemory("exec_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @AfterEach
    void stop() {
        store.close();
        emulator.close();
    }

    LakeSentry lakeSentry(Instant now, UnaryOperator<LakeSentry.Builder> host) {
        LakeSentry.Builder b = LakeSentry.builder().store(store).clock(Clock.fixed(now, ZoneOffset.UTC))
                .discoverPlugins()
                .pluginConfig(TerminateClusterExecutor.ID, Map.of("http-timeout", "1s", "max-attempts", "2"))
                .pluginConfig(ClusterAutoTerminationExecutor.ID, Map.of("http-timeout", "1s", "max-attempts", "1"))
                .workspaceConnection(new WorkspaceConnection(WS, URI.create(emulator.url()), new BearerToken(emulator.token())));
        return host.apply(b).build();
    }

    LakeSentry applyAll(Instant now) {
        return lakeSentry(now, b -> {
            for (ActionType t : List.of(ActionType.TERMINATE_CLUSTER, ActionType.SET_CLUSTER_AUTOSCALE,
                    ActionType.SET_CLUSTER_AUTO_TERMINATION, ActionType.SET_WAREHOUSE_AUTO_STOP, ActionType.PAUSE_JOB_SCHEDULE)) {
                b.executionMode(t, ExecutionMode.APPLY);
            }
            return b;
        });
    }

    ActionPlan plan(ActionType type, TargetKind kind, String id, RiskTier tier, FieldChange change) {
        return plan(type, kind, id, tier, change, PLANNED);
    }

    ActionPlan plan(ActionType type, TargetKind kind, String id, RiskTier tier, FieldChange change, Instant created) {
        Target target = new Target(kind, WS, id);
        ActionPlan p = new ActionPlan(ActionPlan.idOf("ins-" + id, type, target), ACCOUNT, "ins-" + id, type, target,
                List.of(change), Money.usd(new BigDecimal("250")), tier, true, created);
        store.planWriter().upsert(List.of(p));
        return p;
    }

    ActionPlan terminatePlan(String clusterId) {
        return plan(ActionType.TERMINATE_CLUSTER, TargetKind.CLUSTER, clusterId, RiskTier.REVIEW,
                new FieldChange("state", "RUNNING", "TERMINATED"));
    }

    ActionPlan autoTerminationPlan(String clusterId, RiskTier tier) {
        return plan(ActionType.SET_CLUSTER_AUTO_TERMINATION, TargetKind.CLUSTER, clusterId, tier,
                new FieldChange("autotermination_minutes", "0", "60"));
    }

    void runningCluster(String id, Map<String, String> tags) {
        emulator.addCluster(Map.of("cluster_id", id, "state", "RUNNING", "autotermination_minutes", 0,
                "autoscale", Map.of("min_workers", 1, "max_workers", 8), "custom_tags", tags));
    }

    /** The ledger: the clusters with their tags and one hour of utilisation each at the given CPU. */
    void ledger(Map<String, Map<String, String>> clusterTags, Map<String, Double> cpu) {
        List<ClusterVersion> clusters = new ArrayList<>();
        clusterTags.forEach((id, tags) -> clusters.add(new ClusterVersion(ACCOUNT, WS, id, id, "owner", Instant.parse("2025-03-01T00:00:00Z"),
                null, null, 1L, 8L, "i3.xlarge", "i3.xlarge", 0L, "UI", tags, Instant.parse("2025-03-01T00:00:00Z"), null)));
        store.ledgerWriter().replaceReference(ACCOUNT, new LedgerReference(List.of(), List.of(), List.of(), List.of(), List.of(),
                clusters, List.of()));
        List<HourlyUtilisation> hours = new ArrayList<>();
        cpu.forEach((id, c) -> hours.add(new HourlyUtilisation(ACCOUNT, WS, id, Instant.parse("2025-03-10T12:00:00Z"), c, c, 10, 2, 60)));
        store.ledgerWriter().replacePartition(new Partition(ACCOUNT, LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-10")),
                new LedgerActivity(List.of(), List.of(), List.of(), List.of(), hours, List.of()));
    }

    void idleCluster(String id) {
        runningCluster(id, Map.of());
        ledger(Map.of(id, Map.of()), Map.of(id, 1.0));
    }

    void approve(LakeSentry ls, ActionPlan p, Reviewer by) {
        ls.reviews().decide(ACCOUNT, p.id(), PlanDecision.APPROVE, by, "ok");
    }

    List<ActionRecord> records(ActionPlan p) {
        return store.actionReader().records(ACCOUNT).stream().filter(r -> r.planId().equals(p.id())).toList();
    }

    @Test
    void offByDefaultNothingRunsEvenForAnApprovedPlan() {
        idleCluster("c-1");
        ActionPlan p = terminatePlan("c-1");
        LakeSentry ls = lakeSentry(NOW, b -> b);
        approve(ls, p, ALICE);

        ExecutionReport report = ls.execute(ACCOUNT);

        assertThat(report.outcomes()).isEmpty();
        assertThat(emulator.calls().all()).isEmpty();
        assertThat(store.actionReader().records(ACCOUNT)).isEmpty();
        assertThat(ls.planStatus(ACCOUNT, p.id()).status()).isEqualTo(PlanStatus.APPROVED);
    }

    @Test
    void everyActionChangesTheEmulatorAuditedBeforeAndAfterAndARerunIsANoOp() {
        idleCluster("c-1");
        runningCluster("c-2", Map.of());
        emulator.addWarehouse(Map.of("id", "wh-1", "auto_stop_mins", 120));
        long job = emulator.addJob(Map.of("settings", Map.of("name", "nightly", "schedule",
                Map.of("quartz_cron_expression", "0 0 2 * * ?", "timezone_id", "UTC", "pause_status", "UNPAUSED"))));
        List<ActionPlan> plans = List.of(terminatePlan("c-1"),
                plan(ActionType.SET_CLUSTER_AUTOSCALE, TargetKind.CLUSTER, "c-2", RiskTier.REVIEW, new FieldChange("autoscale.max_workers", "8", "3")),
                autoTerminationPlan("c-2", RiskTier.AUTO),
                plan(ActionType.SET_WAREHOUSE_AUTO_STOP, TargetKind.SQL_WAREHOUSE, "wh-1", RiskTier.AUTO, new FieldChange("auto_stop_mins", "120", "10")),
                plan(ActionType.PAUSE_JOB_SCHEDULE, TargetKind.JOB, Long.toString(job), RiskTier.REVIEW,
                        new FieldChange("schedule.pause_status", "UNPAUSED", "PAUSED")));
        LakeSentry ls = applyAll(NOW);
        plans.forEach(p -> approve(ls, p, ALICE));

        ExecutionReport report = ls.execute(ACCOUNT);

        assertThat(report.stopped()).isEmpty();
        assertThat(report.outcomes()).extracting(PlanOutcome::outcome).containsOnly(ActionOutcome.SUCCEEDED).hasSize(5);
        assertThat(emulator.cluster("c-1").orElseThrow()).containsEntry("state", "TERMINATED");
        assertThat(emulator.cluster("c-2").orElseThrow()).containsEntry("autotermination_minutes", 60)
                .containsEntry("autoscale", Map.of("min_workers", 1, "max_workers", 3));
        assertThat(emulator.warehouse("wh-1").orElseThrow()).containsEntry("auto_stop_mins", 10);
        assertThat(emulator.job(job).orElseThrow().toString()).contains("pause_status=PAUSED");
        for (ActionPlan p : plans) {
            assertThat(ls.planStatus(ACCOUNT, p.id()).status()).isEqualTo(PlanStatus.EXECUTED);
            List<ActionRecord> log = records(p);
            assertThat(log).extracting(ActionRecord::outcome).containsExactly(ActionOutcome.STARTED, ActionOutcome.SUCCEEDED);
            assertThat(log.get(0).attemptId()).isEqualTo(log.get(1).attemptId());
            assertThat(log.get(1).preImage()).isEqualTo(p.changes());
            assertThat(log).extracting(ActionRecord::actor).containsOnly(ALICE.name());
        }

        int mutating = emulator.calls().mutatingCalls().size();
        int logged = store.actionReader().records(ACCOUNT).size();
        ExecutionReport again = ls.execute(ACCOUNT);

        assertThat(again.outcomes()).isEmpty();
        assertThat(emulator.calls().mutatingCalls()).hasSize(mutating);
        assertThat(store.actionReader().records(ACCOUNT)).hasSize(logged);
    }

    @Test
    void unapprovedRejectedExpiredManualAndPolicyApprovedReviewTierPlansNeverReachAMutatingCall() {
        for (String id : List.of("c-pending", "c-rejected", "c-old", "c-manual", "c-policy")) {
            runningCluster(id, Map.of());
        }
        ActionPlan pending = autoTerminationPlan("c-pending", RiskTier.AUTO);
        ActionPlan rejected = autoTerminationPlan("c-rejected", RiskTier.AUTO);
        ActionPlan old = plan(ActionType.SET_CLUSTER_AUTO_TERMINATION, TargetKind.CLUSTER, "c-old", RiskTier.AUTO,
                new FieldChange("autotermination_minutes", "0", "60"), NOW.minus(Duration.ofDays(8)));
        ActionPlan manual = autoTerminationPlan("c-manual", RiskTier.MANUAL);
        ActionPlan policyOnReview = autoTerminationPlan("c-policy", RiskTier.REVIEW);
        LakeSentry ls = applyAll(NOW);
        approve(ls, rejected, ALICE);
        ls.reviews().decide(ACCOUNT, rejected.id(), PlanDecision.REJECT, new Reviewer("bob@example.com"), "no");
        approve(ls, old, ALICE);
        approve(ls, manual, ALICE);
        approve(ls, policyOnReview, Reviewer.policy("nightly-hygiene"));

        ExecutionReport report = ls.execute(ACCOUNT);

        assertThat(emulator.calls().mutatingCalls()).isEmpty();
        assertThat(ls.planStatus(ACCOUNT, pending.id()).status()).isEqualTo(PlanStatus.PENDING);
        assertThat(ls.planStatus(ACCOUNT, rejected.id()).status()).isEqualTo(PlanStatus.REJECTED);
        assertThat(ls.planStatus(ACCOUNT, old.id()).status()).isEqualTo(PlanStatus.EXPIRED);
        assertThat(ls.planStatus(ACCOUNT, policyOnReview.id()).status()).isEqualTo(PlanStatus.PENDING);
        assertThat(ls.planStatus(ACCOUNT, policyOnReview.id()).reason()).contains("AUTO-tier");
        assertThat(report.outcomes()).extracting(PlanOutcome::planId, PlanOutcome::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(manual.id(), ActionOutcome.REFUSED));
        assertThat(records(manual)).extracting(ActionRecord::message).allMatch(m -> m.contains("MANUAL"));
    }

    @Test
    void aPolicyApprovalActsOnTheAutoTier() {
        runningCluster("c-1", Map.of());
        ActionPlan p = autoTerminationPlan("c-1", RiskTier.AUTO);
        LakeSentry ls = applyAll(NOW);
        approve(ls, p, Reviewer.policy("nightly-hygiene"));

        ls.execute(ACCOUNT);

        assertThat(emulator.cluster("c-1").orElseThrow()).containsEntry("autotermination_minutes", 60);
        assertThat(records(p)).extracting(ActionRecord::actor).containsOnly("policy:nightly-hygiene");
    }

    @Test
    void protectedResourcesByIdLedgerTagOrLiveTagAreNeverTouched() {
        runningCluster("c-id", Map.of());
        runningCluster("c-ledger", Map.of());
        runningCluster("c-live", Map.of("do-not-touch", "yes"));
        ledger(Map.of("c-ledger", Map.of("do-not-touch", "yes"), "c-live", Map.of()), Map.of());
        List<ActionPlan> plans = List.of(autoTerminationPlan("c-id", RiskTier.AUTO), autoTerminationPlan("c-ledger", RiskTier.AUTO),
                autoTerminationPlan("c-live", RiskTier.AUTO));
        LakeSentry ls = lakeSentry(NOW, b -> b.executionMode(ActionType.SET_CLUSTER_AUTO_TERMINATION, ExecutionMode.APPLY)
                .protectedResources(List.of("c-id")).protectedTags(List.of("do-not-touch")));
        plans.forEach(p -> approve(ls, p, ALICE));

        ExecutionReport report = ls.execute(ACCOUNT);

        assertThat(emulator.calls().mutatingCalls()).isEmpty();
        assertThat(report.outcomes()).extracting(PlanOutcome::message).anyMatch(m -> m.contains("protected by id"))
                .anyMatch(m -> m.contains("protected by its tag do-not-touch=yes in the ledger"))
                .anyMatch(m -> m.contains("protected in live state (tag do-not-touch=yes)"));
        assertThat(emulator.calls().calls("GET", "/api/2.1/clusters/get")).hasSize(1);
    }

    @Test
    void staleTerminationsAreSkippedWithTheReason() {
        runningCluster("c-busy", Map.of());
        emulator.addCluster(Map.of("cluster_id", "c-gone", "state", "TERMINATED"));
        ledger(Map.of("c-busy", Map.of(), "c-gone", Map.of()), Map.of("c-busy", 42.0, "c-gone", 0.5));
        ActionPlan busy = terminatePlan("c-busy");
        ActionPlan gone = terminatePlan("c-gone");
        LakeSentry ls = applyAll(NOW);
        approve(ls, busy, ALICE);
        approve(ls, gone, ALICE);

        ls.execute(ACCOUNT);

        assertThat(emulator.calls().mutatingCalls()).isEmpty();
        assertThat(ls.planStatus(ACCOUNT, busy.id()).status()).isEqualTo(PlanStatus.SKIPPED_STALE);
        assertThat(ls.planStatus(ACCOUNT, busy.id()).reason()).contains("42.0 % CPU");
        assertThat(ls.planStatus(ACCOUNT, gone.id()).status()).isEqualTo(PlanStatus.SKIPPED_STALE);
        assertThat(ls.planStatus(ACCOUNT, gone.id()).reason()).contains("state is TERMINATED in live state");
        assertThat(emulator.calls().calls("GET", "/api/2.1/clusters/get")).hasSize(1);
    }

    @Test
    void theBlastRadiusStopsARunBeforeAnyAction() {
        List<ActionPlan> plans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runningCluster("c-" + i, Map.of());
            plans.add(autoTerminationPlan("c-" + i, RiskTier.AUTO));
        }
        LakeSentry ls = lakeSentry(NOW, b -> b.executionMode(ActionType.SET_CLUSTER_AUTO_TERMINATION, ExecutionMode.APPLY)
                .executionLimits(2, 2));
        plans.forEach(p -> approve(ls, p, ALICE));

        ExecutionReport report = ls.execute(ACCOUNT);

        assertThat(report.stopped()).hasValueSatisfying(r -> assertThat(r).contains("3 approved changes exceed the limit of 2 per run"));
        assertThat(emulator.calls().all()).isEmpty();
        assertThat(store.actionReader().records(ACCOUNT)).hasSize(3).extracting(ActionRecord::outcome).containsOnly(ActionOutcome.REFUSED);
        assertThat(ls.planStatus(ACCOUNT, plans.get(0).id()).status()).isEqualTo(PlanStatus.APPROVED);
    }

    @Test
    void theHourlyLimitCountsTheChangesAlreadyInTheActionLog() {
        runningCluster("c-1", Map.of());
        runningCluster("c-2", Map.of());
        ActionPlan first = autoTerminationPlan("c-1", RiskTier.AUTO);
        UnaryOperator<LakeSentry.Builder> host = b -> b.executionMode(ActionType.SET_CLUSTER_AUTO_TERMINATION, ExecutionMode.APPLY)
                .executionLimits(5, 1);
        LakeSentry ls = lakeSentry(NOW, host);
        approve(ls, first, ALICE);
        ls.execute(ACCOUNT);
        ActionPlan second = autoTerminationPlan("c-2", RiskTier.AUTO);
        approve(ls, second, ALICE);

        ExecutionReport soon = lakeSentry(NOW.plus(Duration.ofMinutes(30)), host).execute(ACCOUNT);
        assertThat(soon.stopped()).hasValueSatisfying(r -> assertThat(r).contains("1 made in the last hour exceed the limit of 1 per hour"));
        assertThat(emulator.cluster("c-2").orElseThrow()).containsEntry("autotermination_minutes", 0);

        ExecutionReport later = lakeSentry(NOW.plus(Duration.ofMinutes(61)), host).execute(ACCOUNT);
        assertThat(later.stopped()).isEmpty();
        assertThat(emulator.cluster("c-2").orElseThrow()).containsEntry("autotermination_minutes", 60);
    }

    @Test
    void dryRunRecordsTheExactChangesAndMakesNoMutatingCall() {
        idleCluster("c-1");
        ActionPlan p = terminatePlan("c-1");
        LakeSentry ls = lakeSentry(NOW, b -> b.executionMode(ActionType.TERMINATE_CLUSTER, ExecutionMode.DRY_RUN));
        approve(ls, p, ALICE);

        ExecutionReport report = ls.execute(ACCOUNT);

        assertThat(emulator.calls().mutatingCalls()).isEmpty();
        assertThat(report.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo(ActionOutcome.DRY_RUN);
            assertThat(o.changes()).containsExactly(new FieldChange("state", "RUNNING", "TERMINATED"));
        });
        assertThat(records(p)).extracting(ActionRecord::mode).containsOnly(ExecutionMode.DRY_RUN);
        assertThat(records(p)).extracting(ActionRecord::outcome).containsExactly(ActionOutcome.STARTED, ActionOutcome.DRY_RUN);
        assertThat(ls.planStatus(ACCOUNT, p.id()).status()).isEqualTo(PlanStatus.APPROVED);
    }

    @Test
    void rollbackRestoresThePreImageFromTheAuditLogAndIsAudited() {
        idleCluster("c-1");
        ActionPlan p = terminatePlan("c-1");
        LakeSentry ls = applyAll(NOW);
        approve(ls, p, ALICE);
        ls.execute(ACCOUNT);
        assertThat(emulator.cluster("c-1").orElseThrow()).containsEntry("state", "TERMINATED");

        PlanOutcome back = ls.rollback(ACCOUNT, p.id(), new Reviewer("bob@example.com"));

        assertThat(back.outcome()).isEqualTo(ActionOutcome.ROLLED_BACK);
        assertThat(emulator.cluster("c-1").orElseThrow()).containsEntry("state", "RUNNING");
        assertThat(ls.planStatus(ACCOUNT, p.id()).status()).isEqualTo(PlanStatus.ROLLED_BACK);
        assertThat(records(p)).extracting(ActionRecord::outcome).containsExactly(ActionOutcome.STARTED, ActionOutcome.SUCCEEDED,
                ActionOutcome.STARTED, ActionOutcome.ROLLED_BACK);
        assertThat(records(p).get(3).actor()).isEqualTo("bob@example.com");
        assertThatThrownBy(() -> ls.rollback(ACCOUNT, p.id(), ALICE)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("ROLLED_BACK");
        ls.execute(ACCOUNT);
        assertThat(emulator.cluster("c-1").orElseThrow()).containsEntry("state", "RUNNING");
    }

    @Test
    void serverErrorsThrottlingAndTimeoutsEndAsFailedWithTheErrorRecorded() {
        idleCluster("c-500");
        runningCluster("c-429", Map.of());
        runningCluster("c-slow", Map.of());
        ledger(Map.of("c-500", Map.of(), "c-429", Map.of(), "c-slow", Map.of()), Map.of("c-500", 1.0, "c-429", 1.0));
        ActionPlan p500 = terminatePlan("c-500");
        ActionPlan p429 = terminatePlan("c-429");
        ActionPlan slow = autoTerminationPlan("c-slow", RiskTier.AUTO);
        emulator.faults().always("POST", "/api/2.1/clusters/delete", Fault.internalError());
        LakeSentry ls = applyAll(NOW);
        approve(ls, p500, ALICE);
        approve(ls, slow, ALICE);
        emulator.faults().always("POST", "/api/2.1/clusters/update", Fault.delay(Duration.ofMillis(1500)));

        ls.execute(ACCOUNT);

        assertThat(ls.planStatus(ACCOUNT, p500.id()).status()).isEqualTo(PlanStatus.FAILED);
        assertThat(records(p500)).extracting(ActionRecord::outcome).containsExactly(ActionOutcome.STARTED, ActionOutcome.FAILED);
        assertThat(records(p500).get(1).message()).contains("HTTP 500").contains("shows no change");
        assertThat(records(p500).get(1).preImage()).containsExactly(new FieldChange("state", "RUNNING", "TERMINATED"));
        assertThat(emulator.cluster("c-500").orElseThrow()).containsEntry("state", "RUNNING");
        assertThat(ls.planStatus(ACCOUNT, slow.id()).status()).isEqualTo(PlanStatus.FAILED);
        assertThat(records(slow).get(1).message()).contains("timed out");

        emulator.faults().clear();
        emulator.faults().always("POST", "/api/2.1/clusters/delete", Fault.tooManyRequests(0));
        approve(ls, p429, ALICE);
        ls.execute(ACCOUNT);
        assertThat(ls.planStatus(ACCOUNT, p429.id()).status()).isEqualTo(PlanStatus.FAILED);
        assertThat(records(p429).get(1).message()).contains("HTTP 429");
        assertThat(emulator.cluster("c-429").orElseThrow()).containsEntry("state", "RUNNING");
        assertThat(records(p500)).hasSize(2);
    }
}
