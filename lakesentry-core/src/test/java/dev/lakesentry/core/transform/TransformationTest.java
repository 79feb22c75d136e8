package dev.lakesentry.core.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.ledger.PriceStatus;
import dev.lakesentry.api.ledger.SkuPrice;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.stage.RunMode;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageRequest;
import dev.lakesentry.api.stage.StageResult;
import dev.lakesentry.api.store.LedgerBuilder;
import dev.lakesentry.api.store.LedgerScope;
import dev.lakesentry.api.store.LedgerStep;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.testkit.fixtures.ContentHashes;
import dev.lakesentry.testkit.generator.AccountGenerator;
import dev.lakesentry.testkit.generator.GeneratedAccount;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import dev.lakesentry.testkit.generator.export.PushEnvelopes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Corrections arriving later, price changes, and a failure in the middle of a transformation. */
class TransformationTest {
    private static final LocalDate FROM = LocalDate.of(2000, 1, 1);
    private static final LocalDate TO = LocalDate.of(2100, 1, 1);
    private static GeneratedAccount account;
    private JdbcStore store;
    private LakeSentry lakeSentry;

    @BeforeAll
    static void generate() {
        account = AccountGenerator.generate(GeneratorConfig.small(42));
    }

    @BeforeEach
    void start() {
        store = JdbcStore.inMemory("transform-" + UUID.randomUUID());
        lakeSentry = LakeSentry.builder().store(store)
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private void push(List<PushEnvelope> envelopes) {
        var token = lakeSentry.tokens().issue("conn-" + UUID.randomUUID().toString().substring(0, 8), account.accountId());
        for (PushEnvelope e : envelopes) {
            lakeSentry.ingestion().push(new PushEnvelope(e.extractionId(), token.connectorId(), e.accountId(), e.table(),
                    e.mode(), e.watermark(), e.schemaVersion(), e.recordCount(), e.checksum(), e.records()), token.token());
        }
    }

    private Map<LocalDate, BigDecimal> dayTotals() {
        return store.ledgerReader().usage(account.accountId(), FROM, TO).stream()
                .filter(u -> u.listCost() != null)
                .collect(Collectors.groupingBy(UsageLineItem::usageDate, TreeMap::new,
                        Collectors.reducing(BigDecimal.ZERO, u -> u.listCost().amount(), BigDecimal::add)));
    }

    @Test
    void aCorrectionArrivingDaysLaterChangesThatDayOnly() {
        List<SourceRecord> usage = account.rows(SystemTable.BILLING_USAGE);
        Function<SourceRecord, Boolean> isCorrection = r -> !"ORIGINAL".equals(r.values().get("record_type"));
        List<SourceRecord> originals = usage.stream().filter(r -> !isCorrection.apply(r)).toList();
        List<SourceRecord> corrections = usage.stream().filter(isCorrection::apply).toList();
        assertThat(corrections).isNotEmpty();

        List<PushEnvelope> first = new ArrayList<>();
        for (SystemTable t : SystemTable.values()) {
            if (t != SystemTable.BILLING_USAGE) {
                first.addAll(PushEnvelopes.split(t, account.rows(t), account.accountId(), "c", 1, 5_000));
            }
        }
        first.addAll(PushEnvelopes.split(SystemTable.BILLING_USAGE, originals, account.accountId(), "c", 1, 5_000));
        push(first);
        assertThat(lakeSentry.transform(account.accountId()).outcome()).isEqualTo(StageOutcome.SUCCEEDED);
        Map<LocalDate, BigDecimal> before = dayTotals();

        push(PushEnvelopes.split(SystemTable.BILLING_USAGE, corrections, account.accountId(), "c", 2, 5_000));
        StageResult second = lakeSentry.transform(account.accountId());
        assertThat(second.outcome()).isEqualTo(StageOutcome.SUCCEEDED);
        Map<LocalDate, BigDecimal> after = dayTotals();

        Set<LocalDate> correctedDays = corrections.stream().map(r -> LocalDate.parse((String) r.values().get("usage_date")))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<LocalDate> changed = new TreeSet<>();
        for (LocalDate d : new TreeSet<>(after.keySet())) {
            if (before.getOrDefault(d, BigDecimal.ZERO).compareTo(after.get(d)) != 0) {
                changed.add(d);
            }
        }
        assertThat(changed).isNotEmpty();
        assertThat(correctedDays).containsAll(changed);
    }

    @Test
    void eachHourIsPricedAtThePriceValidThen() {
        push(PushEnvelopes.forAccount(account, "c", 5_000));
        lakeSentry.transform(account.accountId());
        Map<String, List<SkuPrice>> bySku = store.ledgerReader().skuPrices(account.accountId()).stream()
                .collect(Collectors.groupingBy(SkuPrice::skuName));
        Instant start = account.truth().period().start();
        Instant end = account.truth().period().end();
        String changedSku = bySku.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(p -> p.priceEnd() != null && p.priceEnd().isAfter(start)
                        && p.priceEnd().isBefore(end)))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        List<UsageLineItem> items = store.ledgerReader().usage(account.accountId(), FROM, TO).stream()
                .filter(u -> u.skuName().equals(changedSku) && u.priceStatus() == PriceStatus.PRICED).toList();
        assertThat(items.stream().map(UsageLineItem::unitPrice).map(BigDecimal::stripTrailingZeros).distinct().count())
                .isGreaterThan(1);
        for (UsageLineItem u : items) {
            SkuPrice valid = bySku.get(changedSku).stream().filter(p -> p.cloud().equals(u.cloud()) && p.usageUnit().equals(u.usageUnit())
                    && !u.usageEnd().isBefore(p.priceStart()) && (p.priceEnd() == null || u.usageEnd().isBefore(p.priceEnd())))
                    .findFirst().orElseThrow();
            assertThat(u.unitPrice()).isEqualByComparingTo(valid.unitPrice());
        }
    }

    @Test
    void aFailureInTheMiddleOfATransformLeavesTheLedgerAsItWas() {
        List<PushEnvelope> all = PushEnvelopes.forAccount(account, "c", 5_000);
        push(all.subList(0, all.size() / 2));
        lakeSentry.transform(account.accountId());
        String before = ContentHashes.ledger(store, account.accountId());
        long mark = store.ledgerReader().builtThroughSequence(account.accountId());
        push(all.subList(all.size() / 2, all.size()));

        LedgerBuilder failing = new FailingBuilder(store.ledgerBuilder(), LedgerStep.USAGE);
        TransformationStage stage = new TransformationStage(store.rawReader(), store.ledgerReader(), failing,
                store.stageLocks(), Clock.systemUTC(), Duration.ofDays(3), List.of(), "test");
        StageResult result = stage.run(new StageRequest(account.accountId(), RunMode.INCREMENTAL, List.of(),
                lakeSentry.dataAsOf(account.accountId())));

        assertThat(result.outcome()).isEqualTo(StageOutcome.FAILED);
        assertThat(result.failure()).hasValueSatisfying(m -> assertThat(m).contains("injected"));
        assertThat(ContentHashes.ledger(store, account.accountId())).isEqualTo(before);
        assertThat(store.ledgerReader().builtThroughSequence(account.accountId())).isEqualTo(mark);
        assertThat(lakeSentry.transform(account.accountId()).outcome()).isEqualTo(StageOutcome.SUCCEEDED);
    }

    /** Delegates to the store's builder and throws at one step, inside the transaction. */
    private record FailingBuilder(LedgerBuilder delegate, LedgerStep failAt) implements LedgerBuilder {
        @Override
        public <T> T inTransaction(Function<? super LedgerBuilder, ? extends T> work) {
            return delegate.inTransaction(b -> work.apply(new FailingBuilder(b, failAt)));
        }

        @Override
        public long run(LedgerStep step, LedgerScope scope) {
            if (step == failAt) {
                throw new IllegalStateException("injected failure at " + step);
            }
            return delegate.run(step, scope);
        }

        @Override
        public void truncate(String accountId) {
            delegate.truncate(accountId);
        }

        @Override
        public void markBuiltThrough(String accountId, long sequence) {
            delegate.markBuiltThrough(accountId, sequence);
        }
    }
}
