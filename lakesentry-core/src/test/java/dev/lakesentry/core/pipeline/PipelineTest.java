package dev.lakesentry.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.metrics.CostDimension;
import dev.lakesentry.api.metrics.DailyCost;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.core.ingest.CollectorTokens;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.testkit.fixtures.ContentHashes;
import dev.lakesentry.testkit.generator.AccountGenerator;
import dev.lakesentry.testkit.generator.GeneratedAccount;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import dev.lakesentry.testkit.generator.export.PushEnvelopes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on the small synthetic account: incremental runs over the pushes in random chunks give
 * the same ledger and metrics as a rebuild; allocations add up to the ledger to the cent; two accounts
 * loaded side by side each look as if alone.
 */
class PipelineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static GeneratedAccount account;
    private static GeneratedAccount other;
    private static JdbcStore incremental;
    private static JdbcStore rebuilt;
    private static JdbcStore shared;

    @BeforeAll
    static void run() {
        account = AccountGenerator.generate(GeneratorConfig.small(42));
        other = AccountGenerator.generate(GeneratorConfig.small(7).toBuilder().accountId("other-account").build());

        incremental = JdbcStore.inMemory("pipeline-incremental");
        LakeSentry a = pipeline(incremental);
        List<PushEnvelope> pushes = new ArrayList<>(PushEnvelopes.forAccount(account, "conn-1", 700));
        Collections.shuffle(pushes, new Random(1234));
        CollectorTokens.IssuedToken token = a.tokens().issue("conn-1", account.accountId());
        int chunk = (pushes.size() + 3) / 4;
        for (int i = 0; i < pushes.size(); i += chunk) {
            for (PushEnvelope e : pushes.subList(i, Math.min(pushes.size(), i + chunk))) {
                a.ingestion().push(e, token.token());
            }
            assertThat(a.runOnce(account.accountId()).transformation().outcome()).isEqualTo(StageOutcome.SUCCEEDED);
        }

        rebuilt = JdbcStore.inMemory("pipeline-rebuilt");
        LakeSentry b = pipeline(rebuilt);
        load(b, account);
        b.rebuildAll(account.accountId());

        shared = JdbcStore.inMemory("pipeline-shared");
        LakeSentry c = pipeline(shared);
        load(c, other);
        load(c, account);
        c.runOnce(other.accountId());
        c.runOnce(account.accountId());
    }

    private static LakeSentry pipeline(JdbcStore store) {
        return LakeSentry.builder().store(store).clock(CLOCK).build();
    }

    private static void load(LakeSentry ls, GeneratedAccount acc) {
        CollectorTokens.IssuedToken token = ls.tokens().issue("conn-1", acc.accountId());
        for (PushEnvelope e : PushEnvelopes.forAccount(acc, "conn-1", 5_000)) {
            ls.ingestion().push(e, token.token());
        }
    }

    @AfterAll
    static void close() {
        incremental.close();
        rebuilt.close();
        shared.close();
    }

    @Test
    void incrementalRunsInRandomChunksEqualARebuildRowForRow() {
        assertThat(ContentHashes.ledger(incremental, account.accountId()))
                .isEqualTo(ContentHashes.ledger(rebuilt, account.accountId()));
        assertThat(ContentHashes.metrics(incremental, account.accountId()))
                .isEqualTo(ContentHashes.metrics(rebuilt, account.accountId()));
    }

    @Test
    void eachAccountSideBySideIsWhatItIsAlone() {
        assertThat(ContentHashes.ledger(shared, account.accountId())).isEqualTo(ContentHashes.ledger(rebuilt, account.accountId()));
        assertThat(ContentHashes.metrics(shared, account.accountId())).isEqualTo(ContentHashes.metrics(rebuilt, account.accountId()));
        assertThat(shared.ledgerReader().usage(other.accountId(), ContentHashes.FROM, ContentHashes.TO))
                .allMatch(u -> u.accountId().equals(other.accountId())).isNotEmpty();
    }

    @Test
    void allocationsAddUpToTheLedgerToTheCentEveryDay() {
        Map<LocalDate, BigDecimal> ledger = new TreeMap<>();
        for (UsageLineItem u : rebuilt.ledgerReader().usage(account.accountId(), ContentHashes.FROM, ContentHashes.TO)) {
            if (u.listCost() != null) {
                ledger.merge(u.usageDate(), u.listCost().amount(), BigDecimal::add);
            }
        }
        Map<LocalDate, BigDecimal> allocated = new TreeMap<>();
        List<CostAllocation> allocations = rebuilt.metricsReader().allocations(account.accountId(), ContentHashes.FROM, ContentHashes.TO);
        for (CostAllocation a : allocations) {
            allocated.merge(a.usageDate(), a.amount().amount(), BigDecimal::add);
        }
        ledger.replaceAll((d, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
        allocated.replaceAll((d, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
        assertThat(allocated).isEqualTo(ledger);
        assertThat(allocations).extracting(CostAllocation::confidence).contains(
                dev.lakesentry.api.metrics.Confidence.UNATTRIBUTED);
    }

    @Test
    void teamDailyCostsAddUpToEachDaysBilledTotalToTheCent() {
        Map<LocalDate, BigDecimal> teams = new TreeMap<>();
        for (DailyCost d : rebuilt.metricsReader().dailyCosts(account.accountId(), CostDimension.TEAM, ContentHashes.FROM,
                ContentHashes.TO)) {
            teams.merge(d.day(), d.cost().amount(), BigDecimal::add);
        }
        Map<LocalDate, BigDecimal> workspaces = new TreeMap<>();
        for (DailyCost d : rebuilt.metricsReader().dailyCosts(account.accountId(), CostDimension.WORKSPACE,
                ContentHashes.FROM, ContentHashes.TO)) {
            workspaces.merge(d.day(), d.cost().amount(), BigDecimal::add);
        }
        teams.replaceAll((d, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
        workspaces.replaceAll((d, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
        workspaces.values().removeIf(v -> v.signum() == 0);
        teams.values().removeIf(v -> v.signum() == 0);
        assertThat(teams).isEqualTo(workspaces);
    }
}
