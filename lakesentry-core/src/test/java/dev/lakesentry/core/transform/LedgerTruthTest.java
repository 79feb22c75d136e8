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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger built from the small synthetic account equals the test kit's independent truth to the cent;
 * on the embedded store here, on PostgreSQL and MariaDB in the subclasses the database profile runs.
 */
class LedgerTruthTest {
    private static GeneratedAccount account;
    private static JdbcStore store;
    private static LakeSentry lakeSentry;
    private static StageResult result;
    private static Runnable cleanup = () -> { };

    /** The store to build on; subclasses for other databases hide this with their own. */
    static JdbcStore createStore() {
        return JdbcStore.inMemory("ledger-truth");
    }

    @BeforeAll
    static void buildLedger() {
        build(createStore(), () -> { });
    }

    static void build(JdbcStore target, Runnable drop) {
        cleanup = drop;
        account = AccountGenerator.generate(GeneratorConfig.small(42));
        store = target;
        lakeSentry = LakeSentry.builder().store(store)
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
        CollectorTokens.IssuedToken token = lakeSentry.tokens().issue("conn-1", account.accountId());
        for (PushEnvelope e : PushEnvelopes.forAccount(account, "conn-1", 5_000)) {
            lakeSentry.ingestion().push(e, token.token());
        }
        result = lakeSentry.transform(account.accountId());
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
        assertThat(ledger).isEqualTo(truth);
    }

    @Test
    void unpricedUsageIsKeptAndCounted() {
        long unpriced = store.ledgerReader().usage(account.accountId(), LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1))
                .stream().filter(u -> u.priceStatus() != PriceStatus.PRICED).count();
        assertThat(unpriced).isEqualTo(account.truth().unpricedRows());
    }
}
