package dev.lakesentry.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageRun;
import dev.lakesentry.api.store.LedgerStep;
import dev.lakesentry.api.store.PlanWriter;
import dev.lakesentry.api.store.Store;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.core.ingest.CollectorTokens;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.testkit.generator.AccountGenerator;
import dev.lakesentry.testkit.generator.GeneratedAccount;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import dev.lakesentry.testkit.generator.export.PushEnvelopes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline runs itself: a push becomes an insight with no further call; a stage that keeps failing is
 * retried, then recorded as failing while the others go on; shutdown in the middle of a transformation
 * leaves the ledger as it was.
 */
class SchedulerTest {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerTest.class);
    /** Short intervals: tests wait for work, never for a schedule. */
    static final ScheduleSettings FAST = ScheduleSettings.defaults()
            .withDrainEvery(Duration.ofMillis(300)).withPollingInterval(Duration.ofMillis(100))
            .withAnalyseAfterNewData(Duration.ofMillis(100)).withRetries(3, Duration.ofMillis(100)).withThreads(2)
            .withShutdownMaxWait(Duration.ofSeconds(10));

    private static GeneratedAccount account;
    private static List<PushEnvelope> pushes;

    @BeforeAll
    static void generate() {
        account = AccountGenerator.generate(GeneratorConfig.small(42));
        pushes = PushEnvelopes.forAccount(account, "conn-1", 700);
    }

    private static void pushAll(LakeSentry lakeSentry, List<PushEnvelope> envelopes) {
        CollectorTokens.IssuedToken token = lakeSentry.tokens().issue("conn-1", account.accountId());
        for (PushEnvelope e : envelopes) {
            lakeSentry.ingestion().push(e, token.token());
        }
    }

    private static List<StageRun> runs(Store store, Predicate<StageRun> which) {
        return store.stageRunLog().since(account.accountId(), 0).stream().filter(which).toList();
    }

    @Test
    void aPushBecomesAnInsightWithNoFurtherCall(@TempDir Path dir) throws InterruptedException {
        try (JdbcStore store = JdbcStore.embedded(dir);
             LakeSentry lakeSentry = LakeSentry.builder().store(store).clock(Clock.systemUTC())
                     .detector(new SchedulerFixtures.LedgerSeenDetector())
                     .scheduler(store.dataSource(), FAST).build()) {
            lakeSentry.startScheduler();
            String acct = account.accountId();
            java.util.concurrent.atomic.AtomicLong firstInsight = new java.util.concurrent.atomic.AtomicLong();
            Thread watcher = new Thread(() -> {
                while (firstInsight.get() == 0 && !Thread.currentThread().isInterrupted()) {
                    if (!store.insightReader().insights(acct).isEmpty()) {
                        firstInsight.set(System.nanoTime());
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "insight-watcher");
            watcher.setDaemon(true);
            watcher.start();
            long start = System.nanoTime();
            pushAll(lakeSentry, pushes);
            long pushed = System.nanoTime();
            boolean caughtUp = SchedulerFixtures.await(Duration.ofSeconds(60), () -> caughtUp(store, lakeSentry, acct));
            long done = System.nanoTime();
            watcher.interrupt();
            assertThat(caughtUp).as("within 60 s of the last push every push is transformed, attributed and analysed")
                    .isTrue();
            assertThat(store.insightReader().insights(acct)).isNotEmpty();
            LOG.info("Push to insight: {} pushes took {} ms with the scheduler running; first insight {} ms after the first"
                    + " push; everything transformed, attributed and analysed {} ms after the last push",
                    pushes.size(), (pushed - start) / 1_000_000, (firstInsight.get() - start) / 1_000_000,
                    (done - pushed) / 1_000_000);

            assertThat(SchedulerFixtures.await(Duration.ofSeconds(30), () -> lakeSentry.stageStatus(account.accountId())
                    .stream().filter(s -> s.stage() == StageName.PLANNING).allMatch(s -> s.health()
                            == StageStatus.Health.HEALTHY))).isTrue();
            assertThat(runs(store, r -> r.stage() == StageName.TRANSFORMATION && r.result().outcome() == StageOutcome.SUCCEEDED))
                    .isNotEmpty();
            assertThat(runs(store, r -> r.stage() == StageName.ATTRIBUTION && r.result().outcome() == StageOutcome.SUCCEEDED))
                    .isNotEmpty();
            assertThat(runs(store, r -> r.result().outcome() == StageOutcome.FAILED)).isEmpty();
            assertThat(lakeSentry.runner().pendingAttribution(account.accountId())).isEmpty();
            assertThat(store.ledgerReader().builtThroughSequence(account.accountId()))
                    .isEqualTo(store.rawReader().latestSequence(account.accountId()));
        }
    }

    /** One-time tasks (transformation, analysis, ...) queued or running: their rows go when they complete. */
    static int queuedOrRunning(JdbcStore store) {
        try (java.sql.Connection c = store.dataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name NOT LIKE '%-tick'")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ledger holds every push, attribution is up to date and detection ran after the latest attribution. */
    static boolean caughtUp(JdbcStore store, LakeSentry lakeSentry, String acct) {
        if (queuedOrRunning(store) > 0 || store.ledgerReader().builtThroughSequence(acct) != store.rawReader().latestSequence(acct)
                || !lakeSentry.runner().pendingAttribution(acct).isEmpty()) {
            return false;
        }
        var log = store.stageRunLog();
        long attributed = log.latest(acct, StageName.ATTRIBUTION, StageOutcome.SUCCEEDED).map(StageRun::sequence).orElse(0L);
        return attributed > 0 && log.latest(acct, StageName.DETECTION, StageOutcome.SUCCEEDED)
                .map(StageRun::sequence).orElse(0L) > attributed;
    }

    @Test
    void aStageThatKeepsFailingIsRetriedThenMarkedFailingAndTheOthersGoOn() throws InterruptedException {
        try (JdbcStore real = JdbcStore.inMemory("scheduler-failing")) {
            PlanWriter broken = SchedulerFixtures.throwing(PlanWriter.class, real.planWriter(), "upsert");
            Store store = SchedulerFixtures.wrap(real, name -> name.equals("planWriter") ? broken : null);
            try (LakeSentry lakeSentry = LakeSentry.builder().store(store).clock(Clock.systemUTC())
                    .detector(new SchedulerFixtures.LedgerSeenDetector())
                    .scheduler(real.dataSource(), FAST).build()) {
                pushAll(lakeSentry, pushes.subList(0, 40));
                lakeSentry.startScheduler();
                boolean failing = SchedulerFixtures.await(Duration.ofSeconds(60), () -> lakeSentry.stageStatus(account.accountId())
                        .stream().anyMatch(s -> s.stage() == StageName.PLANNING && s.health() == StageStatus.Health.FAILING));
                assertThat(failing).as("planning is marked failing").isTrue();
                assertThat(SchedulerFixtures.await(Duration.ofSeconds(30), () -> !runs(store, r -> r.stage()
                        == StageName.DETECTION && r.result().outcome() == StageOutcome.SUCCEEDED).isEmpty())).isTrue();
            }
            List<StageRun> planning = runs(real, r -> r.stage() == StageName.PLANNING);
            // Each planning task is tried at attempts 1, 2 and 3 (tasks from the schedule and from new ledger
            // data may interleave), every attempt fails with the planted error, and only the third is failing.
            List<StageRun> failed = planning.stream().filter(r -> r.result().outcome() == StageOutcome.FAILED).toList();
            assertThat(failed).extracting(StageRun::attempt).contains(1, 2, 3);
            assertThat(failed).allSatisfy(r -> assertThat(r.result().error()).contains("planted"));
            assertThat(failed).filteredOn(r -> r.attempt() == 3).isNotEmpty().allSatisfy(r -> assertThat(r.failing()).isTrue());
            assertThat(failed).filteredOn(r -> r.attempt() < 3).allSatisfy(r -> assertThat(r.failing()).isFalse());
            assertThat(runs(real, r -> r.stage() == StageName.TRANSFORMATION)).extracting(r -> r.result().outcome())
                    .contains(StageOutcome.SUCCEEDED).doesNotContain(StageOutcome.FAILED);
            assertThat(runs(real, r -> r.stage() == StageName.SCORING)).extracting(r -> r.result().outcome())
                    .contains(StageOutcome.SUCCEEDED).doesNotContain(StageOutcome.FAILED);
        }
    }

    @Test
    void shutdownDuringATransformationLeavesTheLedgerAsItWas() throws InterruptedException {
        try (JdbcStore real = JdbcStore.inMemory("scheduler-shutdown")) {
            int half = pushes.size() / 2;
            try (LakeSentry first = LakeSentry.builder().store(real).clock(Clock.systemUTC()).build()) {
                pushAll(first, pushes.subList(0, half));
                assertThat(first.runDue()).extracting(r -> r.result().outcome()).doesNotContain(StageOutcome.FAILED);
            }
            long builtThrough = real.ledgerReader().builtThroughSequence(account.accountId());
            var before = real.ledgerReader().usage(account.accountId(), java.time.LocalDate.of(2000, 1, 1),
                    java.time.LocalDate.of(2100, 1, 1));
            assertThat(before).isNotEmpty();

            CountDownLatch entered = new CountDownLatch(1);
            Store store = SchedulerFixtures.wrap(real, name -> name.equals("ledgerBuilder")
                    ? SchedulerFixtures.blockingAt(real.ledgerBuilder(), LedgerStep.dependencyOrder().get(
                    LedgerStep.dependencyOrder().size() - 1), entered) : null);
            LakeSentry second = LakeSentry.builder().store(store).clock(Clock.systemUTC())
                    .scheduler(real.dataSource(), FAST.withShutdownMaxWait(Duration.ofMillis(500))).build();
            pushAll(second, pushes.subList(half, pushes.size()));
            second.startScheduler();
            assertThat(entered.await(60, TimeUnit.SECONDS)).as("the transformation reached its last step").isTrue();
            second.close();

            assertThat(real.ledgerReader().builtThroughSequence(account.accountId())).isEqualTo(builtThrough);
            assertThat(real.ledgerReader().usage(account.accountId(), java.time.LocalDate.of(2000, 1, 1),
                    java.time.LocalDate.of(2100, 1, 1))).containsExactlyInAnyOrderElementsOf(before);
            assertThat(runs(real, r -> r.stage() == StageName.TRANSFORMATION && r.result().outcome() == StageOutcome.SUCCEEDED
                    && r.result().startedAt().isAfter(java.time.Instant.EPOCH))).hasSize(1);
        }
    }

    @Test
    void runDueRunsOnlyWhatIsDue() {
        try (JdbcStore store = JdbcStore.inMemory("scheduler-run-due");
             LakeSentry lakeSentry = LakeSentry.builder().store(store)
                     .clock(Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC))
                     .detector(new SchedulerFixtures.LedgerSeenDetector()).build()) {
            pushAll(lakeSentry, pushes.subList(0, 40));
            List<StageRun> first = lakeSentry.runDue();
            assertThat(first).extracting(StageRun::stage).containsExactly(StageName.TRANSFORMATION, StageName.ATTRIBUTION,
                    StageName.DETECTION, StageName.SCORING, StageName.PLANNING);
            assertThat(first).allSatisfy(r -> assertThat(r.result().outcome()).isEqualTo(StageOutcome.SUCCEEDED));
            assertThat(lakeSentry.runDue()).as("nothing is due at the same instant with no new data").isEmpty();
            assertThat(store.insightReader().insights(account.accountId())).hasSize(1);
            assertThat(lakeSentry.stageStatus(account.accountId())).extracting(StageStatus::stage, StageStatus::health)
                    .contains(org.assertj.core.groups.Tuple.tuple(StageName.EXECUTION, StageStatus.Health.NEVER_RAN),
                            org.assertj.core.groups.Tuple.tuple(StageName.DETECTION, StageStatus.Health.HEALTHY));
            assertThat(Map.copyOf(first.get(0).result().stepRows())).isNotEmpty();
        }
    }
}
