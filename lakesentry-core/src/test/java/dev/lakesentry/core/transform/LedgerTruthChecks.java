package dev.lakesentry.core.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.ledger.PriceStatus;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageResult;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.core.ingest.CollectorTokens;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.testkit.generator.AccountGenerator;
import dev.lakesentry.testkit.generator.ExpectedCost;
import dev.lakesentry.testkit.generator.GeneratedAccount;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import dev.lakesentry.testkit.generator.export.PushEnvelopes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The checks every ledger-truth test runs: the ledger built from a synthetic account equals the test kit's
 * independent truth to the cent, unpriced usage is counted, attribution conserves each day's total, and the
 * injected runaway job ranks in the top three. Each subclass builds its own account on its own store in a
 * {@code @BeforeAll} of its own (no subclass inherits another's set-up): {@code LedgerTruthTest} (small,
 * embedded), {@code LedgerTruthDemoTest} (demo, embedded) and the {@code *IT} classes on PostgreSQL and MariaDB.
 */
abstract class LedgerTruthChecks {
    private static GeneratedAccount account;
    private static JdbcStore store;
    private static LakeSentry lakeSentry;
    private static StageResult result;
    private static LakeSentry.PipelineReport report;
    private static Runnable cleanup = () -> { };

    static void build(JdbcStore target, Runnable drop) {
        build(target, drop, GeneratorConfig.small(42));
    }

    static void build(JdbcStore target, Runnable drop, GeneratorConfig config) {
        cleanup = drop;
        account = AccountGenerator.generate(config);
        store = target;
        lakeSentry = LakeSentry.builder().store(store)
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
        CollectorTokens.IssuedToken token = lakeSentry.tokens().issue("conn-1", account.accountId());
        for (PushEnvelope e : PushEnvelopes.forAccount(account, "conn-1", 5_000)) {
            lakeSentry.ingestion().push(e, token.token());
        }
        report = lakeSentry.runOnce(account.accountId());
        result = report.transformation();
    }

    @AfterAll
    static void close() {
        try {
            store.close();
        } finally {
            cleanup.run();
        }
    }

    @Test
    void theRunSucceeds() {
        assertThat(result.failure()).isEmpty();
        assertThat(result.outcome()).isEqualTo(StageOutcome.SUCCEEDED);
        assertThat(result.rowsOut()).isPositive();
    }

    @Test
    void costPerDayWorkspaceAndSkuEqualsTheTruthToTheCent() {
        LocalDate from = LocalDate.ofInstant(account.truth().period().start(), ZoneOffset.UTC).minusDays(1);
        LocalDate to = LocalDate.ofInstant(account.truth().period().end(), ZoneOffset.UTC).plusDays(1);
        Map<String, BigDecimal> ledger = new TreeMap<>();
        for (UsageLineItem u : store.ledgerReader().usage(account.accountId(), from, to)) {
            if (u.priceStatus() == PriceStatus.PRICED) {
                ledger.merge(u.usageDate() + "|" + u.workspaceId() + "|" + u.skuName(), u.listCost().amount(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> truth = new TreeMap<>();
        for (ExpectedCost c : account.truth().expectedCosts()) {
            truth.merge(c.usageDate() + "|" + c.workspaceId() + "|" + c.skuName(), c.cost(), BigDecimal::add);
        }
        ledger.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
        truth.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
        ledger.values().removeIf(v -> v.signum() == 0);
        truth.values().removeIf(v -> v.signum() == 0);
        // Only the cells that differ, so a failure on a large profile stays readable.
        Map<String, String> differences = new TreeMap<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(ledger.keySet());
        keys.addAll(truth.keySet());
        for (String key : keys) {
            BigDecimal l = ledger.get(key);
            BigDecimal t = truth.get(key);
            if (l == null || t == null || l.compareTo(t) != 0) {
                differences.put(key, "ledger " + l + ", truth " + t);
            }
        }
        assertThat(differences).as("cells of day|workspace|sku where the ledger and the truth differ").isEmpty();
        assertThat(ledger).hasSameSizeAs(truth);
    }

    @Test
    void unpricedUsageIsKeptAndCounted() {
        long unpriced = store.ledgerReader().usage(account.accountId(), LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1))
                .stream().filter(u -> u.priceStatus() != PriceStatus.PRICED).count();
        assertThat(unpriced).isEqualTo(account.truth().unpricedRows());
    }

    @Test
    void allocationsAddUpToEachDaysLedgerTotalToTheCent() {
        Map<LocalDate, BigDecimal> ledger = new TreeMap<>();
        for (UsageLineItem u : store.ledgerReader().usage(account.accountId(), LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1))) {
            if (u.listCost() != null) {
                ledger.merge(u.usageDate(), u.listCost().amount(), BigDecimal::add);
            }
        }
        Map<LocalDate, BigDecimal> allocated = new TreeMap<>();
        store.metricsReader().allocations(account.accountId(), LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1))
                .forEach(a -> allocated.merge(a.usageDate(), a.amount().amount(), BigDecimal::add));
        ledger.replaceAll((d, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
        assertThat(allocated).isEqualTo(ledger);
    }

    @Test
    void theInjectedRunawayJobRanksInTheTopThreeBySignificance() {
        // Issue 7's claim is about the small profile. On the demo profile the three jobs with labelled spend
        // spikes are large ETL jobs whose spikes cost far more than the runaway run, and they rightly outrank it.
        org.junit.jupiter.api.Assumptions.assumeTrue(account.config().profile().equals("small"),
                "the runaway-job ranking is checked on the small profile");
        var runaway = account.truth().anomalies(dev.lakesentry.testkit.generator.AnomalyKind.RUNAWAY_JOB_RUN);
        assertThat(runaway).isNotEmpty();
        var scores = report.scores();
        for (var label : runaway) {
            int rank = 0;
            for (int i = 0; i < scores.size(); i++) {
                var ref = scores.get(i).workUnit();
                if (ref.type() == dev.lakesentry.api.ledger.WorkUnitType.JOB && ref.externalId().equals(label.subject().id())
                        && ref.workspaceId().equals(label.subject().workspaceId())) {
                    rank = i + 1;
                }
            }
            assertThat(rank).as("rank of runaway job %s in %s", label.subject(), scores.subList(0, Math.min(16, scores.size())).stream()
                    .map(x -> x.workUnit().key() + "=" + x.score() + x.components()).toList()).isBetween(1, 3);
        }
    }
}
