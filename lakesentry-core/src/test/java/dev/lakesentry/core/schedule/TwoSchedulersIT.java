package dev.lakesentry.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageRun;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.core.ingest.CollectorTokens;
import dev.lakesentry.store.jdbc.DatabaseServers;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.testkit.generator.AccountGenerator;
import dev.lakesentry.testkit.generator.GeneratedAccount;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import dev.lakesentry.testkit.generator.export.PushEnvelopes;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two pipelines with separate pools on one PostgreSQL schema (and one MariaDB database), both scheduling: every partition is transformed
 * and attributed exactly once (counted in the run log), each due task runs in one of them, and the result
 * equals a single-process run.
 */
class TwoSchedulersIT {
    private static final LocalDate FROM = LocalDate.of(2000, 1, 1);
    private static final LocalDate TO = LocalDate.of(2100, 1, 1);

    @Test
    void twoProcessesShareTheWorkAndDoEachPartitionOnce() throws InterruptedException {
        String shared = DatabaseServers.freshName();
        String single = DatabaseServers.freshName();
        try (JdbcStore a = DatabaseServers.postgres(shared); JdbcStore b = DatabaseServers.postgres(shared);
             JdbcStore alone = DatabaseServers.postgres(single)) {
            shareTheWork(a, b, alone);
        } finally {
            DatabaseServers.dropPostgresSchema(shared);
            DatabaseServers.dropPostgresSchema(single);
        }
    }

    /** The same on MariaDB: db-scheduler's MariaDB table and the run log work there too. */
    @Test
    void twoProcessesShareTheWorkOnMariaDb() throws InterruptedException {
        String shared = DatabaseServers.freshName();
        String single = DatabaseServers.freshName();
        try (JdbcStore a = DatabaseServers.mariaDb(shared);
             JdbcStore b = dev.lakesentry.store.jdbc.JdbcStore.connect(dev.lakesentry.store.jdbc.JdbcStoreConfig
                     .builder(DatabaseServers.MARIADB_URL).user(DatabaseServers.MARIADB_USER)
                     .password(DatabaseServers.MARIADB_PASSWORD.isEmpty() ? null : DatabaseServers.MARIADB_PASSWORD)
                     .schema(shared).poolSize(6).build());
             JdbcStore alone = DatabaseServers.mariaDb(single)) {
            shareTheWork(a, b, alone);
        } finally {
            DatabaseServers.dropMariaDbDatabase(shared);
            DatabaseServers.dropMariaDbDatabase(single);
        }
    }

    private static void shareTheWork(JdbcStore a, JdbcStore b, JdbcStore alone) throws InterruptedException {
        GeneratedAccount account = AccountGenerator.generate(GeneratorConfig.small(42));
        List<PushEnvelope> pushes = PushEnvelopes.forAccount(account, "conn-1", 700);
        String acct = account.accountId();
        {
            LakeSentry hostA = pipeline(a, "host-a");
            LakeSentry hostB = pipeline(b, "host-b");
            push(hostA, acct, pushes);
            try {
                hostA.startScheduler();
                hostB.startScheduler();
                assertThat(SchedulerFixtures.await(Duration.ofSeconds(120), () -> caughtUp(a, hostA, acct))).isTrue();
            } finally {
                hostA.close();
                hostB.close();
            }

            List<StageRun> log = a.stageRunLog().since(acct, 0);
            List<StageRun> transformed = succeeded(log, StageName.TRANSFORMATION);
            List<StageRun> attributed = succeeded(log, StageName.ATTRIBUTION);
            assertThat(transformed).hasSize(1);
            assertThat(attributed).hasSize(1);
            assertNoDayTwice(transformed);
            assertNoDayTwice(attributed);
            assertThat(log).filteredOn(r -> r.result().outcome() == StageOutcome.FAILED).isEmpty();
            assertThat(succeeded(log, StageName.DETECTION)).isNotEmpty();

            LakeSentry one = LakeSentry.builder().store(alone).clock(Clock.systemUTC())
                    .detector(new SchedulerFixtures.LedgerSeenDetector()).build();
            push(one, acct, pushes);
            one.runOnce(acct);
            assertThat(a.ledgerReader().usage(acct, FROM, TO)).containsExactlyInAnyOrderElementsOf(
                    alone.ledgerReader().usage(acct, FROM, TO));
            assertThat(a.metricsReader().allocations(acct, FROM, TO)).containsExactlyInAnyOrderElementsOf(
                    alone.metricsReader().allocations(acct, FROM, TO));
            assertThat(a.insightReader().insights(acct)).extracting(Insight::id)
                    .containsExactlyInAnyOrderElementsOf(alone.insightReader().insights(acct).stream().map(Insight::id).toList());
            assertThat(log).extracting(StageRun::process).containsAnyOf("host-a", "host-b");
        }
    }

    private static LakeSentry pipeline(JdbcStore store, String name) {
        return LakeSentry.builder().store(store).clock(Clock.systemUTC()).processName(name)
                .detector(new SchedulerFixtures.LedgerSeenDetector())
                .scheduler(store.dataSource(), SchedulerTest.FAST).build();
    }

    private static void push(LakeSentry lakeSentry, String acct, List<PushEnvelope> pushes) {
        CollectorTokens.IssuedToken token = lakeSentry.tokens().issue("conn-1", acct);
        for (PushEnvelope e : pushes) {
            lakeSentry.ingestion().push(e, token.token());
        }
    }

    private static boolean caughtUp(JdbcStore store, LakeSentry lakeSentry, String acct) {
        if (SchedulerTest.queuedOrRunning(store) > 0
                || store.ledgerReader().builtThroughSequence(acct) != store.rawReader().latestSequence(acct)
                || !lakeSentry.runner().pendingAttribution(acct).isEmpty()) {
            return false;
        }
        var log = store.stageRunLog();
        long attributed = log.latest(acct, StageName.ATTRIBUTION, StageOutcome.SUCCEEDED).map(StageRun::sequence).orElse(0L);
        return attributed > 0 && log.latest(acct, StageName.PLANNING, StageOutcome.SUCCEEDED)
                .map(StageRun::sequence).orElse(0L) > attributed;
    }

    private static List<StageRun> succeeded(List<StageRun> log, StageName stage) {
        return log.stream().filter(r -> r.stage() == stage && r.result().outcome() == StageOutcome.SUCCEEDED).toList();
    }

    private static void assertNoDayTwice(List<StageRun> runs) {
        Set<LocalDate> seen = new HashSet<>();
        List<LocalDate> twice = new ArrayList<>();
        for (StageRun r : runs) {
            r.result().partitions().forEach(p -> p.from().datesUntil(p.to().plusDays(1)).forEach(d -> {
                if (!seen.add(d)) {
                    twice.add(d);
                }
            }));
        }
        assertThat(twice).as("days done twice").isEmpty();
    }
}
