package dev.lakesentry.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.StoreException;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.stage.StageRun;
import dev.lakesentry.api.store.StageLease;
import dev.lakesentry.api.store.StageRunLog;
import dev.lakesentry.api.store.Store;
import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.core.ingest.CollectorTokens;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.testkit.fixtures.ContentHashes;
import dev.lakesentry.testkit.generator.AccountGenerator;
import dev.lakesentry.testkit.generator.GeneratedAccount;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import dev.lakesentry.testkit.generator.export.PushEnvelopes;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A process that stops after a transformation committed but before its attribution finished (found by the
 * reliability suite's {@code kill -9}): the next {@link LakeSentry#runOnce} must attribute those days, for
 * {@code runOnce} and for {@code rebuildAll}. The stop is stood in for by another holder of the attribution lock,
 * which leaves exactly that state: the transformation recorded, its attribution not done.
 */
class AnalysisCatchUpTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static GeneratedAccount account;
    private static JdbcStore reference;
    private static String ledger;
    private static String metrics;
    private static String insights;

    @BeforeAll
    static void undisturbed() {
        account = AccountGenerator.generate(GeneratorConfig.small(11).toBuilder().days(7).timelineRetentionDays(2).build());
        reference = JdbcStore.inMemory("catch-up-reference-" + UUID.randomUUID());
        LakeSentry ls = pipeline(reference);
        load(ls);
        ls.runOnce(account.accountId());
        ledger = ContentHashes.ledger(reference, account.accountId());
        metrics = ContentHashes.metrics(reference, account.accountId());
        insights = ContentHashes.insights(reference, account.accountId());
        assertThat(reference.metricsReader().allocations(account.accountId(), ContentHashes.FROM, ContentHashes.TO)).isNotEmpty();
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    @Test
    void attributionLeftUndoneAfterATransformationIsDoneByTheNextRun() {
        try (JdbcStore store = JdbcStore.inMemory("catch-up-run-" + UUID.randomUUID())) {
            LakeSentry ls = pipeline(store);
            load(ls);
            LakeSentry.PipelineReport stopped;
            try (StageLease lease = store.stageLocks().tryAcquire(account.accountId(), StageName.ATTRIBUTION, "a stopped process")
                    .orElseThrow()) {
                stopped = ls.runOnce(account.accountId());
            }
            assertThat(stopped.transformation().outcome()).isEqualTo(StageOutcome.SUCCEEDED);
            assertThat(stopped.allocations()).isZero();
            assertThat(ContentHashes.metrics(store, account.accountId())).isNotEqualTo(metrics);

            LakeSentry.PipelineReport next = ls.runOnce(account.accountId());
            assertThat(next.transformation().outcome()).isEqualTo(StageOutcome.NOTHING_TO_DO);
            assertThat(next.allocations()).isPositive();
            assertSameAsUndisturbed(store);
        }
    }

    @Test
    void aRebuildStoppedBeforeItsAttributionIsFinishedByTheNextRun() {
        try (JdbcStore store = JdbcStore.inMemory("catch-up-rebuild-" + UUID.randomUUID())) {
            LakeSentry ls = pipeline(store);
            load(ls);
            ls.runOnce(account.accountId());
            try (StageLease lease = store.stageLocks().tryAcquire(account.accountId(), StageName.ATTRIBUTION, "a stopped process")
                    .orElseThrow()) {
                assertThat(ls.rebuildAll(account.accountId()).allocations()).isZero();
            }
            assertThat(store.metricsReader().allocations(account.accountId(), ContentHashes.FROM, ContentHashes.TO))
                    .as("the rebuild truncated the metrics after its ledger was recorded").isEmpty();

            assertThat(ls.runOnce(account.accountId()).allocations()).isPositive();
            assertSameAsUndisturbed(store);
        }
    }

    @Test
    void aTransformationWhoseRunLogRecordFailedIsAttributedByTheNextRun() {
        try (JdbcStore store = JdbcStore.inMemory("catch-up-lost-record-" + UUID.randomUUID())) {
            LakeSentry ls = pipeline(failingFirstTransformationRecord(store));
            load(ls, all());
            assertThatThrownBy(() -> ls.runOnce(account.accountId())).isInstanceOf(StoreException.class)
                    .hasMessageContaining("run log unavailable");
            assertThat(store.ledgerReader().builtThroughSequence(account.accountId()))
                    .as("the ledger committed before its record failed").isPositive();
            assertThat(store.stageRunLog().recent(account.accountId(), 10)).isEmpty();

            LakeSentry.PipelineReport next = ls.runOnce(account.accountId());
            assertThat(next.transformation().outcome()).isEqualTo(StageOutcome.NOTHING_TO_DO);
            assertThat(next.allocations()).isPositive();
            assertSameAsUndisturbed(store);
            assertThat(store.metricsReader().attributedThroughSequence(account.accountId()))
                    .hasValue(store.ledgerReader().builtThroughSequence(account.accountId()));
        }
    }

    @Test
    void aLostRecordAfterEarlierRunsAttributesTheDaysSinceTheLastAttribution() {
        try (JdbcStore store = JdbcStore.inMemory("catch-up-lost-later-" + UUID.randomUUID())) {
            List<PushEnvelope> pushes = all();
            int half = pushes.size() / 2;
            LakeSentry first = pipeline(store);
            CollectorTokens.IssuedToken token = load(first, pushes.subList(0, half));
            first.runOnce(account.accountId());

            LakeSentry ls = pipeline(failingFirstTransformationRecord(store));
            pushes.subList(half, pushes.size()).forEach(e -> ls.ingestion().push(e, token.token()));
            assertThatThrownBy(() -> ls.runOnce(account.accountId())).isInstanceOf(StoreException.class);

            assertThat(ls.runOnce(account.accountId()).allocations()).isPositive();
            assertThat(ContentHashes.ledger(store, account.accountId())).isEqualTo(ledger);
            assertThat(ContentHashes.metrics(store, account.accountId())).isEqualTo(metrics);
        }
    }

    /**
     * The store, except that its run log refuses the first record of a successful transformation, as a dropped
     * connection would right after the ledger's commit (or a process stopped between the two).
     */
    private static Store failingFirstTransformationRecord(JdbcStore store) {
        AtomicBoolean failed = new AtomicBoolean();
        StageRunLog log = store.stageRunLog();
        StageRunLog failing = (StageRunLog) Proxy.newProxyInstance(StageRunLog.class.getClassLoader(),
                new Class<?>[] {StageRunLog.class}, (proxy, method, args) -> {
                    if (method.getName().equals("append") && args[0] instanceof StageRun run
                            && run.stage() == StageName.TRANSFORMATION && run.result().outcome() == StageOutcome.SUCCEEDED
                            && failed.compareAndSet(false, true)) {
                        throw new StoreException("run log unavailable (test)", new java.sql.SQLException("connection reset"));
                    }
                    return invoke(method, log, args);
                });
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> method.getName().equals("stageRunLog") ? failing : invoke(method, store, args));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void assertSameAsUndisturbed(JdbcStore store) {
        assertThat(ContentHashes.ledger(store, account.accountId())).isEqualTo(ledger);
        assertThat(ContentHashes.metrics(store, account.accountId())).isEqualTo(metrics);
        assertThat(ContentHashes.insights(store, account.accountId())).isEqualTo(insights);
    }

    private static LakeSentry pipeline(Store store) {
        return LakeSentry.builder().store(store).clock(CLOCK).build();
    }

    private static void load(LakeSentry ls) {
        load(ls, all());
    }

    private static List<PushEnvelope> all() {
        return PushEnvelopes.forAccount(account, "conn-1", 5_000);
    }

    private static CollectorTokens.IssuedToken load(LakeSentry ls, List<PushEnvelope> pushes) {
        CollectorTokens.IssuedToken token = ls.tokens().issue("conn-1", account.accountId());
        for (PushEnvelope e : pushes) {
            ls.ingestion().push(e, token.token());
        }
        return token;
    }
}
