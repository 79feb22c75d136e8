package dev.lakesentry.testkit.contract;

import static dev.lakesentry.testkit.contract.StoreFixtures.ACCOUNT;
import static dev.lakesentry.testkit.contract.StoreFixtures.DAY;
import static dev.lakesentry.testkit.contract.StoreFixtures.OTHER_ACCOUNT;
import static dev.lakesentry.testkit.contract.StoreFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.StoreException;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.metrics.CostDimension;
import dev.lakesentry.api.metrics.DailyCost;
import dev.lakesentry.api.metrics.SignificanceScore;
import dev.lakesentry.api.plan.ActionOutcome;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.ActionRecord;
import dev.lakesentry.api.push.CanonicalRecords;
import dev.lakesentry.api.push.Extraction;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.ReceiptStatus;
import dev.lakesentry.api.push.Rejection;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.review.InsightReview;
import dev.lakesentry.api.review.PlanReview;
import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.store.ActionWriter;
import dev.lakesentry.api.store.DuplicateExtractionException;
import dev.lakesentry.api.store.LedgerActivity;
import dev.lakesentry.api.store.LedgerReference;
import dev.lakesentry.api.store.RawRow;
import dev.lakesentry.api.store.RawWriter;
import dev.lakesentry.api.store.ReviewWriter;
import dev.lakesentry.api.store.StageLease;
import dev.lakesentry.api.store.Store;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every LakeSentry store passes. Subclass it, create a fresh, empty store per test and drop it
 * afterwards:
 *
 * <pre>{@code
 * class MyStoreContractTest extends StoreContract {
 *     protected Store createStore() { return MyStore.open(freshDatabase()); }
 *     protected void dropStore(Store store) { store.close(); dropDatabase(); }
 * }
 * }</pre>
 *
 * It checks the round trip of every layer's records, that raw, review and action writers offer no update or
 * delete, that partition rewrites are idempotent and atomic, that a duplicate extraction id lands once even
 * under concurrency, that a failure mid-batch leaves nothing behind, that money keeps its full precision and
 * that timestamps keep UTC whatever the JVM's zone. Decimals are compared numerically (a store may return
 * {@code 1.5} for {@code 1.50}); instants are kept to the microsecond.
 *
 * @since 0.1.0
 */
public abstract class StoreContract {
    /** Appends in these tests touch no usage day unless a test says so. */
    private static final java.util.SortedSet<java.time.LocalDate> NO_DAYS = java.util.Collections.emptySortedSet();


    /** The store under test, fresh and empty for each test. */
    protected Store store;

    /** A fresh, empty store; called before each test. */
    protected abstract Store createStore();

    /** Closes the store and removes everything it created; called after each test. */
    protected abstract void dropStore(Store store);

    @BeforeEach
    void openStore() {
        store = createStore();
    }

    @AfterEach
    void dropIt() {
        if (store != null) {
            dropStore(store);
        }
    }

    private static final RecursiveComparisonConfiguration NUMERIC = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
            .build();

    /** Asserts the same records, in any order, decimals compared numerically. */
    protected static <T> void assertSameRecords(List<T> actual, List<T> expected) {
        assertThat(actual).usingRecursiveFieldByFieldElementComparator(NUMERIC).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Asserts the same records in the same order, decimals compared numerically. */
    protected static <T> void assertSameOrderedRecords(List<T> actual, List<T> expected) {
        assertThat(actual).usingRecursiveFieldByFieldElementComparator(NUMERIC).containsExactlyElementsOf(expected);
    }

    private static List<String> canonical(List<RawRow> rows) {
        List<String> out = new ArrayList<>();
        for (RawRow r : rows) {
            out.add(CanonicalRecords.canonicalJson(r.record().values()));
        }
        return out;
    }

    private static List<String> canonicalRecords(List<SourceRecord> records) {
        List<String> out = new ArrayList<>();
        for (SourceRecord r : records) {
            out.add(CanonicalRecords.canonicalJson(r.values()));
        }
        return out;
    }

    // ---------------------------------------------------------------- raw layer

    @Test
    void rawAppendRoundTripsRecordsAndRegistry() {
        List<SourceRecord> records = StoreFixtures.billingRecords("r", 3);
        PushEnvelope push = StoreFixtures.billingPush("e-1", ACCOUNT, records);
        Instant received = at(DAY.plusDays(1), 6, 0);

        Extraction entry = store.rawWriter().append(push, ReceiptStatus.APPENDED, received, NO_DAYS);

        assertThat(entry.extractionId()).isEqualTo("e-1");
        assertThat(entry.rowsAppended()).isEqualTo(3);
        assertThat(entry.recordCount()).isEqualTo(3);
        assertThat(entry.checksum()).isEqualTo(push.checksum());
        assertThat(entry.receivedAt()).isEqualTo(received);
        assertThat(entry.watermark()).isEqualTo(push.watermark());
        assertThat(store.rawReader().extraction("e-1")).contains(entry);
        assertThat(store.rawReader().extractions(ACCOUNT)).containsExactly(entry);
        assertThat(store.rawReader().rowCount(ACCOUNT, SystemTable.BILLING_USAGE)).isEqualTo(3);
        List<RawRow> rows = store.rawReader().rows(ACCOUNT, SystemTable.BILLING_USAGE);
        assertThat(rows).extracting(RawRow::extractionId).containsOnly("e-1");
        assertThat(rows).extracting(RawRow::sequence).containsOnly(entry.sequence());
        assertThat(canonical(rows)).containsExactlyElementsOf(canonicalRecords(records));
        assertThat(CanonicalRecords.checksum(rows.stream().map(RawRow::record).toList())).isEqualTo(push.checksum());
        assertThat(store.rawReader().accounts()).containsExactly(ACCOUNT);
        assertThat(store.rawReader().latestIngestionTime(ACCOUNT)).contains(DAY.plusDays(1).atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC));
        assertThat(store.rawReader().rowCount(OTHER_ACCOUNT, SystemTable.BILLING_USAGE)).isZero();
        assertThat(store.rawReader().rows(OTHER_ACCOUNT, SystemTable.BILLING_USAGE)).isEmpty();
        assertThat(store.rawReader().latestIngestionTime(OTHER_ACCOUNT)).isEmpty();
    }

    @Test
    void rawKeepsEveryCopyInIngestionOrderWithStrictlyIncreasingSequences() {
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sequences.add(store.rawWriter().append(StoreFixtures.billingPush("e-" + i, ACCOUNT,
                    List.of(StoreFixtures.billingRecord("same-record", DAY, "2." + i))), ReceiptStatus.APPENDED,
                    at(DAY, 12, i), NO_DAYS).sequence());
        }
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        List<RawRow> rows = store.rawReader().rows(ACCOUNT, SystemTable.BILLING_USAGE);
        assertThat(rows).extracting(RawRow::extractionId).containsExactly("e-0", "e-1", "e-2", "e-3");
        assertThat(rows).extracting(RawRow::sequence).containsExactlyElementsOf(sequences);
        assertThat(store.rawReader().extractions(ACCOUNT)).extracting(Extraction::sequence).containsExactlyElementsOf(sequences);
    }

    @Test
    void unchangedSnapshotRecordsOnlyTheRegistryEntry() {
        PushEnvelope first = StoreFixtures.workspacesPush("snap-1", "prod", "dev");
        Extraction e1 = store.rawWriter().append(first, ReceiptStatus.APPENDED, at(DAY, 1, 0), NO_DAYS);
        PushEnvelope second = StoreFixtures.workspacesPush("snap-2", "prod", "dev");
        Extraction e2 = store.rawWriter().append(second, ReceiptStatus.SNAPSHOT_UNCHANGED, at(DAY, 2, 0), NO_DAYS);

        assertThat(e1.mode()).isEqualTo(ExtractionMode.SNAPSHOT);
        assertThat(e2.rowsAppended()).isZero();
        assertThat(e2.status()).isEqualTo(ReceiptStatus.SNAPSHOT_UNCHANGED);
        assertThat(store.rawReader().rowCount(ACCOUNT, SystemTable.WORKSPACES_LATEST)).isEqualTo(2);
        assertThat(store.rawReader().latestSnapshot(ACCOUNT, SystemTable.WORKSPACES_LATEST)).contains(e2);
        assertThat(store.rawReader().latestSnapshot(ACCOUNT, SystemTable.LIST_PRICES)).isEmpty();
        assertThat(canonical(store.rawReader().rows(ACCOUNT, SystemTable.WORKSPACES_LATEST)))
                .containsExactlyElementsOf(canonicalRecords(first.records()));
    }

    @Test
    void rejectionsRoundTripOldestFirst() {
        Rejection r1 = new Rejection("conn-1", ACCOUNT, SystemTable.BILLING_USAGE, "e-9", "checksum mismatch", at(DAY, 3, 0));
        Rejection r2 = new Rejection("conn-1", ACCOUNT, null, null, "unknown table 'system.x.y'", at(DAY, 4, 0));
        store.rawWriter().recordRejection(r2);
        store.rawWriter().recordRejection(r1);
        store.rawWriter().recordRejection(new Rejection("conn-2", OTHER_ACCOUNT, null, null, "bad token", at(DAY, 1, 0)));
        assertThat(store.rawReader().rejections(ACCOUNT)).containsExactly(r1, r2);
    }

    @Test
    void duplicateExtractionIdIsRefusedWithTheExistingEntryAndWritesNothing() {
        Extraction first = store.rawWriter().append(StoreFixtures.billingPush("dup", ACCOUNT,
                StoreFixtures.billingRecords("a", 2)), ReceiptStatus.APPENDED, at(DAY, 1, 0), NO_DAYS);

        assertThatThrownBy(() -> store.rawWriter().append(StoreFixtures.billingPush("dup", ACCOUNT,
                StoreFixtures.billingRecords("b", 5)), ReceiptStatus.APPENDED, at(DAY, 2, 0), NO_DAYS))
                .isInstanceOfSatisfying(DuplicateExtractionException.class, e -> assertThat(e.existing()).isEqualTo(first));

        assertThat(store.rawReader().rowCount(ACCOUNT, SystemTable.BILLING_USAGE)).isEqualTo(2);
        assertThat(store.rawReader().extractions(ACCOUNT)).containsExactly(first);
        Extraction next = store.rawWriter().append(StoreFixtures.billingPush("after", ACCOUNT,
                StoreFixtures.billingRecords("c", 1)), ReceiptStatus.APPENDED, at(DAY, 3, 0), NO_DAYS);
        assertThat(next.sequence()).isGreaterThan(first.sequence());
    }

    @Test
    void twoThreadsPushingTheSameExtractionIdLandExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String id = "race-" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Extraction>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    List<SourceRecord> records = StoreFixtures.billingRecords(id + "-t" + t, 50);
                    Callable<Extraction> push = () -> {
                        start.await(10, TimeUnit.SECONDS);
                        return store.rawWriter().append(StoreFixtures.billingPush(id, ACCOUNT, records),
                                ReceiptStatus.APPENDED, at(DAY, 5, 0), NO_DAYS);
                    };
                    results.add(pool.submit(push));
                }
                int landed = 0;
                int duplicates = 0;
                for (Future<Extraction> f : results) {
                    try {
                        f.get(60, TimeUnit.SECONDS);
                        landed++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(DuplicateExtractionException.class);
                        assertThat(((DuplicateExtractionException) e.getCause()).existing().extractionId()).isEqualTo(id);
                        duplicates++;
                    }
                }
                assertThat(landed).as("round %s pushes landed", round).isEqualTo(1);
                assertThat(duplicates).as("round %s duplicates", round).isEqualTo(1);
                assertThat(store.rawReader().rowCount(ACCOUNT, SystemTable.BILLING_USAGE)).isEqualTo(50L * (round + 1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRecordViolatingAConstraintMidAppendLeavesNothingBehind() {
        List<SourceRecord> records = new ArrayList<>(StoreFixtures.billingRecords("ok", 600));
        Map<String, Object> broken = new HashMap<>(StoreFixtures.billingRecord("x", DAY, "1").values());
        broken.put("record_id", null);
        records.add(300, new SourceRecord(broken));

        assertThatThrownBy(() -> store.rawWriter().append(StoreFixtures.billingPush("bad-1", ACCOUNT, records),
                ReceiptStatus.APPENDED, at(DAY, 1, 0), NO_DAYS)).isInstanceOf(StoreException.class);
        assertThat(store.rawReader().extraction("bad-1")).isEmpty();
        assertThat(store.rawReader().rowCount(ACCOUNT, SystemTable.BILLING_USAGE)).isZero();

        List<SourceRecord> notANumber = new ArrayList<>(StoreFixtures.billingRecords("ok", 10));
        notANumber.add(5, StoreFixtures.billingRecord("nan", DAY, "twelve"));
        assertThatThrownBy(() -> store.rawWriter().append(StoreFixtures.billingPush("bad-2", ACCOUNT, notANumber),
                ReceiptStatus.APPENDED, at(DAY, 1, 0), NO_DAYS))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.table()).isPresent());
        assertThat(store.rawReader().extraction("bad-2")).isEmpty();
        assertThat(store.rawReader().rowCount(ACCOUNT, SystemTable.BILLING_USAGE)).isZero();

        // Large pushes may be converted while earlier rows are already streaming: a bad value late in the push
        // must still leave nothing behind.
        List<SourceRecord> large = new ArrayList<>(StoreFixtures.billingRecords("big", 5_000));
        large.set(4_321, StoreFixtures.billingRecord("nan-big", DAY, "twelve"));
        assertThatThrownBy(() -> store.rawWriter().append(StoreFixtures.billingPush("bad-3", ACCOUNT, large),
                ReceiptStatus.APPENDED, at(DAY, 1, 0), NO_DAYS)).isInstanceOf(StoreException.class);
        assertThat(store.rawReader().extraction("bad-3")).isEmpty();
        assertThat(store.rawReader().rowCount(ACCOUNT, SystemTable.BILLING_USAGE)).isZero();
    }

    @Test
    void aFailureInsideATransactionRollsBackEveryWrite() {
        assertThatThrownBy(() -> store.rawWriter().inTransaction(w -> {
            w.append(StoreFixtures.billingPush("tx-1", ACCOUNT, StoreFixtures.billingRecords("t1", 20)),
                    ReceiptStatus.APPENDED, at(DAY, 1, 0), NO_DAYS);
            w.append(StoreFixtures.billingPush("tx-2", ACCOUNT, StoreFixtures.billingRecords("t2", 20)),
                    ReceiptStatus.APPENDED, at(DAY, 1, 0), NO_DAYS);
            w.recordRejection(new Rejection("conn-1", ACCOUNT, null, null, "x", at(DAY, 1, 0)));
            throw new IllegalStateException("injected failure");
        })).isInstanceOf(IllegalStateException.class).hasMessage("injected failure");
        assertThat(store.rawReader().extractions(ACCOUNT)).isEmpty();
        assertThat(store.rawReader().rowCount(ACCOUNT, SystemTable.BILLING_USAGE)).isZero();
        assertThat(store.rawReader().rejections(ACCOUNT)).isEmpty();

        store.ledgerWriter().replacePartition(Partition.day(ACCOUNT, DAY), StoreFixtures.activity(DAY));
        assertThatThrownBy(() -> store.ledgerWriter().inTransaction(w -> {
            w.truncate(ACCOUNT);
            w.replaceReference(ACCOUNT, StoreFixtures.reference());
            throw new IllegalStateException("injected failure");
        })).isInstanceOf(IllegalStateException.class);
        assertSameRecords(store.ledgerReader().usage(ACCOUNT, DAY, DAY), StoreFixtures.activity(DAY).usage());
        assertThat(store.ledgerReader().workspaces(ACCOUNT)).isEmpty();

        Integer result = store.rawWriter().inTransaction(w -> {
            w.append(StoreFixtures.billingPush("tx-3", ACCOUNT, StoreFixtures.billingRecords("t3", 2)),
                    ReceiptStatus.APPENDED, at(DAY, 1, 0), NO_DAYS);
            return 7;
        });
        assertThat(result).isEqualTo(7);
        assertThat(store.rawReader().rowCount(ACCOUNT, SystemTable.BILLING_USAGE)).isEqualTo(2);
    }

    @Test
    void appendOnlyWritersOfferNoUpdateOrDelete() {
        assertOnlyAppends(RawWriter.class, store.rawWriter().getClass(), "append", "recordRejection");
        assertOnlyAppends(ReviewWriter.class, store.reviewWriter().getClass(), "append");
        assertOnlyAppends(ActionWriter.class, store.actionWriter().getClass(), "append");
    }

    private static void assertOnlyAppends(Class<?> api, Class<?> impl, String... writes) {
        List<String> allowed = new ArrayList<>(List.of(writes));
        allowed.add("inTransaction");
        for (Class<?> type : List.of(api, impl)) {
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                String name = m.getName().toLowerCase(java.util.Locale.ROOT);
                assertThat(name).as("%s.%s", type.getName(), m.getName())
                        .doesNotContain("update", "delete", "remove", "truncate", "replace", "upsert", "clear");
            }
        }
        assertThat(List.of(api.getMethods())).extracting(Method::getName).containsOnlyElementsOf(allowed);
    }

    // ---------------------------------------------------------------- ledger

    @Test
    void ledgerReferenceRoundTripsAndReplacesTheAccountsRows() {
        LedgerReference ref = StoreFixtures.reference();
        store.ledgerWriter().replaceReference(ACCOUNT, ref);
        store.ledgerWriter().replaceReference(ACCOUNT, ref);

        assertSameRecords(store.ledgerReader().workspaces(ACCOUNT), ref.workspaces());
        assertSameRecords(store.ledgerReader().warehouses(ACCOUNT), ref.warehouses());
        assertSameRecords(store.ledgerReader().skuPrices(ACCOUNT), ref.skuPrices());
        assertSameRecords(store.ledgerReader().nodeTypes(ACCOUNT), ref.nodeTypes());
        assertSameRecords(store.ledgerReader().identities(ACCOUNT), ref.identities());
        assertSameRecords(store.ledgerReader().clusters(ACCOUNT), ref.clusters());
        assertSameRecords(store.ledgerReader().workUnits(ACCOUNT), ref.workUnits());
        assertThat(store.ledgerReader().workspaces(OTHER_ACCOUNT)).isEmpty();

        store.ledgerWriter().replaceReference(ACCOUNT, new LedgerReference(ref.workspaces().subList(0, 1), null, null,
                null, null, null, null));
        assertSameRecords(store.ledgerReader().workspaces(ACCOUNT), ref.workspaces().subList(0, 1));
        assertThat(store.ledgerReader().clusters(ACCOUNT)).isEmpty();
    }

    @Test
    void ledgerPartitionRoundTripsEveryDatedEntity() {
        LedgerActivity a = StoreFixtures.activity(DAY);
        store.ledgerWriter().replacePartition(Partition.day(ACCOUNT, DAY), a);
        Instant from = DAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        Instant to = from.plus(java.time.Duration.ofDays(1));

        assertSameRecords(store.ledgerReader().usage(ACCOUNT, DAY, DAY), a.usage());
        assertSameRecords(store.ledgerReader().runs(ACCOUNT, from, to), a.runs());
        assertSameRecords(store.ledgerReader().warehouseUptime(ACCOUNT, from, to), a.warehouseUptime());
        assertSameRecords(store.ledgerReader().queries(ACCOUNT, from, to), a.queries());
        assertSameRecords(store.ledgerReader().utilisation(ACCOUNT, from, to), a.utilisation());
        assertSameRecords(store.ledgerReader().servingRequests(ACCOUNT, DAY, DAY), a.servingRequests());
        assertThat(a.servingRequests()).isNotEmpty();
        assertThat(store.ledgerReader().earliestServingRequestDay(ACCOUNT, DAY.plusDays(5))).contains(DAY);
        assertThat(store.ledgerReader().earliestServingRequestDay(ACCOUNT, DAY)).contains(DAY);
        assertThat(store.ledgerReader().earliestServingRequestDay(ACCOUNT, DAY.minusDays(1))).isEmpty();
        assertThat(store.ledgerReader().earliestServingRequestDay(OTHER_ACCOUNT, DAY)).isEmpty();
        assertThat(store.ledgerReader().latestUsageTime(ACCOUNT)).contains(at(DAY, 11, 0));
        assertThat(store.ledgerReader().usage(ACCOUNT, DAY.plusDays(1), DAY.plusDays(3))).isEmpty();
        assertThat(store.ledgerReader().runs(ACCOUNT, to, to.plusSeconds(86_400))).isEmpty();
        assertThat(store.ledgerReader().latestUsageTime(OTHER_ACCOUNT)).isEmpty();
    }

    @Test
    void partitionRewriteIsIdempotentAndLeavesOtherDaysAlone() {
        LocalDate next = DAY.plusDays(1);
        store.ledgerWriter().replacePartition(Partition.day(ACCOUNT, next), StoreFixtures.activity(next));
        LedgerActivity a = StoreFixtures.activity(DAY);
        store.ledgerWriter().replacePartition(Partition.day(ACCOUNT, DAY), a);
        store.ledgerWriter().replacePartition(Partition.day(ACCOUNT, DAY), a);
        assertSameRecords(store.ledgerReader().usage(ACCOUNT, DAY, DAY), a.usage());

        UsageLineItem only = StoreFixtures.usage("rec-new", DAY, "3");
        store.ledgerWriter().replacePartition(Partition.day(ACCOUNT, DAY),
                new LedgerActivity(List.of(only), null, null, null, null, null));
        assertSameRecords(store.ledgerReader().usage(ACCOUNT, DAY, DAY), List.of(only));
        Instant from = DAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        assertThat(store.ledgerReader().runs(ACCOUNT, from, from.plusSeconds(86_400))).isEmpty();
        assertSameRecords(store.ledgerReader().usage(ACCOUNT, next, next), StoreFixtures.activity(next).usage());
        assertSameRecords(store.ledgerReader().runs(ACCOUNT, from.plusSeconds(86_400), from.plusSeconds(2 * 86_400)),
                StoreFixtures.activity(next).runs());
    }

    @Test
    void partitionRewriteIsAtomic() {
        LedgerActivity a = StoreFixtures.activity(DAY);
        store.ledgerWriter().replacePartition(Partition.day(ACCOUNT, DAY), a);
        UsageLineItem twice = StoreFixtures.usage("rec-twice", DAY, "1");
        assertThatThrownBy(() -> store.ledgerWriter().replacePartition(Partition.day(ACCOUNT, DAY),
                new LedgerActivity(List.of(StoreFixtures.usage("rec-1", DAY, "1"), twice, twice), null, null, null, null,
                        null)))
                .isInstanceOf(StoreException.class);
        assertSameRecords(store.ledgerReader().usage(ACCOUNT, DAY, DAY), a.usage());
        assertSameRecords(store.ledgerReader().queries(ACCOUNT, DAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                DAY.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)), a.queries());
    }

    @Test
    void rowsOutsideThePartitionAreRefused() {
        assertThatThrownBy(() -> store.ledgerWriter().replacePartition(Partition.day(ACCOUNT, DAY),
                new LedgerActivity(List.of(StoreFixtures.usage("rec-late", DAY.plusDays(1), "1")), null, null, null, null,
                        null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rec-late");
        assertThat(store.ledgerReader().usage(ACCOUNT, DAY, DAY.plusDays(1))).isEmpty();
    }

    @Test
    void ledgerTruncateRemovesOnlyTheAccountsRows() {
        store.ledgerWriter().replaceReference(ACCOUNT, StoreFixtures.reference());
        store.ledgerWriter().replacePartition(Partition.day(ACCOUNT, DAY), StoreFixtures.activity(DAY));
        store.ledgerWriter().truncate(OTHER_ACCOUNT);
        assertThat(store.ledgerReader().usage(ACCOUNT, DAY, DAY)).hasSize(2);
        store.ledgerWriter().truncate(ACCOUNT);
        assertThat(store.ledgerReader().usage(ACCOUNT, DAY, DAY)).isEmpty();
        assertThat(store.ledgerReader().workspaces(ACCOUNT)).isEmpty();
        assertThat(store.ledgerReader().clusters(ACCOUNT)).isEmpty();
    }

    // ---------------------------------------------------------------- metrics

    @Test
    void attributionMarkRoundTripsPerAccountAndGoesWithATruncate() {
        java.util.OptionalLong none = store.metricsReader().attributedThroughSequence(ACCOUNT);
        if (none.isEmpty()) {
            return; // the store keeps no attribution mark: orchestration reads pending attribution from its run log
        }
        assertThat(none.getAsLong()).as("no mark yet").isZero();
        store.metricsWriter().markAttributedThrough(ACCOUNT, 7);
        store.metricsWriter().markAttributedThrough(ACCOUNT, 12);
        store.metricsWriter().markAttributedThrough(OTHER_ACCOUNT, 3);
        assertThat(store.metricsReader().attributedThroughSequence(ACCOUNT)).hasValue(12);
        assertThat(store.metricsReader().attributedThroughSequence(OTHER_ACCOUNT)).hasValue(3);
        store.metricsWriter().truncate(ACCOUNT);
        assertThat(store.metricsReader().attributedThroughSequence(ACCOUNT)).hasValue(0);
        assertThat(store.metricsReader().attributedThroughSequence(OTHER_ACCOUNT)).hasValue(3);
        assertThatThrownBy(() -> store.metricsWriter().markAttributedThrough(ACCOUNT, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void allocationsRoundTripAndRewriteByPartition() {
        LocalDate next = DAY.plusDays(1);
        var day1 = List.of(StoreFixtures.allocation(DAY, "rec-1", "data-eng", "0.19"),
                StoreFixtures.unattributed(DAY, "rec-1", "0.18"));
        var day2 = List.of(StoreFixtures.allocation(next, "rec-2", "bi", "5"));
        store.metricsWriter().replaceAllocations(new Partition(ACCOUNT, DAY, next), concat(day1, day2));
        store.metricsWriter().replaceAllocations(new Partition(ACCOUNT, DAY, next), concat(day1, day2));
        assertSameRecords(store.metricsReader().allocations(ACCOUNT, DAY, next), concat(day1, day2));

        store.metricsWriter().replaceAllocations(Partition.day(ACCOUNT, DAY), day1.subList(0, 1));
        assertSameRecords(store.metricsReader().allocations(ACCOUNT, DAY, next), concat(day1.subList(0, 1), day2));
        assertSameRecords(store.metricsReader().allocations(ACCOUNT, next, next), day2);
        assertThat(store.metricsReader().allocations(OTHER_ACCOUNT, DAY, next)).isEmpty();
    }

    @Test
    void dailyCostsReplaceOnlyTheDimensionsPresent() {
        DailyCost team = StoreFixtures.dailyCost(DAY, CostDimension.TEAM, "data-eng", "10.01");
        DailyCost sku = StoreFixtures.dailyCost(DAY, CostDimension.SKU, "PREMIUM_JOBS_COMPUTE", "20.02");
        store.metricsWriter().replaceDailyCosts(Partition.day(ACCOUNT, DAY), List.of(team, sku));
        DailyCost team2 = StoreFixtures.dailyCost(DAY, CostDimension.TEAM, "bi", "3");
        store.metricsWriter().replaceDailyCosts(Partition.day(ACCOUNT, DAY), List.of(team2));

        assertSameRecords(store.metricsReader().dailyCosts(ACCOUNT, CostDimension.TEAM, DAY, DAY), List.of(team2));
        assertSameRecords(store.metricsReader().dailyCosts(ACCOUNT, CostDimension.SKU, DAY, DAY), List.of(sku));
        assertThat(store.metricsReader().dailyCosts(ACCOUNT, CostDimension.WORKSPACE, DAY, DAY)).isEmpty();
    }

    @Test
    void scoresAreReplacedByTheLatestRun() {
        Instant first = at(DAY, 6, 0);
        store.metricsWriter().replaceScores(ACCOUNT, first, List.of(StoreFixtures.score("1", first, 50),
                StoreFixtures.score("2", first, 10)));
        Instant second = at(DAY.plusDays(1), 6, 0);
        List<SignificanceScore> latest = List.of(StoreFixtures.score("1", second, 45.5));
        store.metricsWriter().replaceScores(ACCOUNT, second, latest);
        assertSameRecords(store.metricsReader().latestScores(ACCOUNT), latest);

        store.metricsWriter().truncate(ACCOUNT);
        assertThat(store.metricsReader().latestScores(ACCOUNT)).isEmpty();
    }

    // ---------------------------------------------------------------- insights, plans, reviews, actions

    @Test
    void insightsUpsertByIdAndTruncateKeepsReviews() {
        Insight low = StoreFixtures.insight("0304-abc", Severity.LOW);
        Insight other = StoreFixtures.insight("0304-xyz", Severity.MEDIUM);
        store.insightWriter().upsert(List.of(low, other));
        Insight high = StoreFixtures.insight("0304-abc", Severity.HIGH);
        store.insightWriter().upsert(List.of(high));

        assertThat(high.id()).isEqualTo(low.id());
        assertSameRecords(store.insightReader().insights(ACCOUNT), List.of(high, other));
        assertThat(store.insightReader().insight(ACCOUNT, high.id())).isPresent();
        assertSameRecords(List.of(store.insightReader().insight(ACCOUNT, high.id()).orElseThrow()), List.of(high));
        assertThat(store.insightReader().insight(OTHER_ACCOUNT, high.id())).isEmpty();

        InsightReview review = StoreFixtures.insightReview("rv-1", high.id(), at(DAY, 9, 0));
        store.reviewWriter().append(review);
        store.insightWriter().truncate(ACCOUNT);
        assertThat(store.insightReader().insights(ACCOUNT)).isEmpty();
        assertThat(store.reviewReader().insightReviews(ACCOUNT)).containsExactly(review);
    }

    @Test
    void plansUpsertByIdAndTruncateKeepsReviewsAndActions() {
        Insight insight = StoreFixtures.insight("0304-abc", Severity.LOW);
        ActionPlan plan = StoreFixtures.plan(insight, true);
        store.planWriter().upsert(List.of(plan));
        ActionPlan replanned = StoreFixtures.plan(insight, false);
        store.planWriter().upsert(List.of(replanned));
        assertSameRecords(store.planReader().plans(ACCOUNT), List.of(replanned));
        assertSameRecords(List.of(store.planReader().plan(ACCOUNT, plan.id()).orElseThrow()), List.of(replanned));

        PlanReview review = StoreFixtures.planReview("pr-1", plan.id(), at(DAY, 9, 0));
        store.reviewWriter().append(review);
        ActionRecord action = StoreFixtures.actionRecord("ar-1", plan.id(), ActionOutcome.STARTED, at(DAY, 10, 0));
        store.actionWriter().append(action);
        store.planWriter().truncate(ACCOUNT);
        assertThat(store.planReader().plans(ACCOUNT)).isEmpty();
        assertThat(store.reviewReader().planReviews(ACCOUNT)).containsExactly(review);
        assertThat(store.actionReader().records(ACCOUNT)).containsExactly(action);
    }

    @Test
    void reviewsAndActionLogComeBackOldestFirst() {
        InsightReview r2 = StoreFixtures.insightReview("rv-2", "ins-1", at(DAY, 10, 0));
        InsightReview r1 = StoreFixtures.insightReview("rv-1", "ins-1", at(DAY, 9, 0));
        InsightReview r3 = new InsightReview("rv-3", ACCOUNT, "ins-1",
                dev.lakesentry.api.review.InsightReviewAction.DISMISS, new dev.lakesentry.api.review.Reviewer("bo"),
                at(DAY, 10, 0), null, null);
        store.reviewWriter().append(r2);
        store.reviewWriter().append(r1);
        store.reviewWriter().append(r3);
        assertThat(store.reviewReader().insightReviews(ACCOUNT)).containsExactly(r1, r2, r3);
        PlanReview p1 = StoreFixtures.planReview("pr-1", "plan-1", at(DAY, 8, 0));
        store.reviewWriter().append(p1);
        assertThat(store.reviewReader().planReviews(ACCOUNT)).containsExactly(p1);
        assertThat(store.reviewReader().insightReviews(OTHER_ACCOUNT)).isEmpty();

        ActionRecord a1 = StoreFixtures.actionRecord("ar-1", "plan-1", ActionOutcome.STARTED, at(DAY, 11, 0));
        ActionRecord a2 = StoreFixtures.actionRecord("ar-2", "plan-1", ActionOutcome.FAILED, at(DAY, 11, 1));
        store.actionWriter().append(a1);
        store.actionWriter().append(a2);
        assertThat(store.actionReader().records(ACCOUNT)).containsExactly(a1, a2);
        assertThat(store.actionReader().recordsSince(ACCOUNT, at(DAY, 11, 1))).containsExactly(a2);
        assertThat(store.actionReader().records(OTHER_ACCOUNT)).isEmpty();
    }

    // ---------------------------------------------------------------- exactness

    @Test
    void moneyKeepsItsFullPrecision() {
        BigDecimal tiny = new BigDecimal("0.000000000000000001");
        BigDecimal huge = new BigDecimal("12345678901234567890.123456789012345678");
        DailyCost cost = new DailyCost(ACCOUNT, DAY, CostDimension.WORKSPACE, "ws", dev.lakesentry.api.Money.usd(huge),
                tiny, 0);
        store.metricsWriter().replaceDailyCosts(Partition.day(ACCOUNT, DAY), List.of(cost));
        DailyCost back = store.metricsReader().dailyCosts(ACCOUNT, CostDimension.WORKSPACE, DAY, DAY).get(0);
        assertThat(back.cost().amount().toPlainString()).isEqualTo(huge.toPlainString());
        assertThat(back.quantity()).isEqualByComparingTo(tiny);
        assertThat(back.quantity().stripTrailingZeros().toPlainString()).isEqualTo("0.000000000000000001");

        UsageLineItem usage = StoreFixtures.usage("rec-precise", DAY, "12345678901234567890.123456789012345678", "1");
        store.ledgerWriter().replacePartition(Partition.day(ACCOUNT, DAY),
                new LedgerActivity(List.of(usage), null, null, null, null, null));
        UsageLineItem read = store.ledgerReader().usage(ACCOUNT, DAY, DAY).get(0);
        assertThat(read.quantity()).isEqualByComparingTo(huge);
        assertThat(read.listCost().amount()).isEqualByComparingTo(usage.listCost().amount());

        // More digits than the store holds: kept exactly or refused, never rounded silently.
        BigDecimal tooFine = new BigDecimal("0.12345678901234567890123");
        DailyCost fine = new DailyCost(ACCOUNT, DAY, CostDimension.SKU, "fine", dev.lakesentry.api.Money.usd(tooFine),
                BigDecimal.ONE, 0);
        try {
            store.metricsWriter().replaceDailyCosts(Partition.day(ACCOUNT, DAY), List.of(fine));
            assertThat(store.metricsReader().dailyCosts(ACCOUNT, CostDimension.SKU, DAY, DAY).get(0).cost().amount())
                    .isEqualByComparingTo(tooFine);
        } catch (StoreException | IllegalArgumentException refused) {
            assertThat(refused).hasMessageContaining("0.12345678901234567890123");
            assertThat(store.metricsReader().dailyCosts(ACCOUNT, CostDimension.SKU, DAY, DAY)).isEmpty();
        }

        store.ledgerWriter().replaceReference(ACCOUNT, StoreFixtures.reference());
        assertThat(store.ledgerReader().skuPrices(ACCOUNT)).anySatisfy(p -> assertThat(p.unitPrice()).isEqualByComparingTo(tiny));

        store.rawWriter().append(StoreFixtures.billingPush("precise", ACCOUNT,
                List.of(StoreFixtures.billingRecord("p", DAY, "0.000000000000000001"))), ReceiptStatus.APPENDED, at(DAY, 1, 0), NO_DAYS);
        assertThat(store.rawReader().rows(ACCOUNT, SystemTable.BILLING_USAGE).get(0).record().text("usage_quantity"))
                .contains("0.000000000000000001");
    }

    @Test
    void timestampsKeepUtcWhateverTheJvmZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Instant micro = Instant.parse("2025-03-30T01:30:00.123456Z");
            ActionRecord record = StoreFixtures.actionRecord("tz-1", "plan-1", ActionOutcome.SUCCEEDED, micro);
            store.actionWriter().append(record);
            LedgerActivity a = StoreFixtures.activity(DAY);
            store.ledgerWriter().replacePartition(Partition.day(ACCOUNT, DAY), a);
            store.rawWriter().append(StoreFixtures.billingPush("tz", ACCOUNT, StoreFixtures.billingRecords("tz", 1)),
                    ReceiptStatus.APPENDED, micro, NO_DAYS);

            TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
            assertThat(store.actionReader().records(ACCOUNT)).containsExactly(record);
            assertThat(store.actionReader().recordsSince(ACCOUNT, micro)).containsExactly(record);
            assertThat(store.actionReader().recordsSince(ACCOUNT, micro.plusNanos(1_000))).isEmpty();
            assertSameRecords(store.ledgerReader().runs(ACCOUNT, DAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                    DAY.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)), a.runs());
            assertThat(store.rawReader().extraction("tz").map(Extraction::receivedAt)).contains(micro);
            assertThat(store.ledgerReader().usage(ACCOUNT, DAY, DAY)).extracting(UsageLineItem::usageDate).containsOnly(DAY);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    // ---------------------------------------------------------------- stage locks

    @Test
    void twoHoldersCannotHoldTheSameStageLock() {
        Optional<StageLease> first = store.stageLocks().tryAcquire(ACCOUNT, StageName.TRANSFORMATION, "host-a/main");
        assertThat(first).isPresent();
        try {
            assertThat(store.stageLocks().tryAcquire(ACCOUNT, StageName.TRANSFORMATION, "host-b/main")).isEmpty();
            Optional<StageLease> otherStage = store.stageLocks().tryAcquire(ACCOUNT, StageName.DETECTION, "host-b/main");
            Optional<StageLease> otherAccount = store.stageLocks().tryAcquire(OTHER_ACCOUNT, StageName.TRANSFORMATION,
                    "host-b/main");
            assertThat(otherStage).isPresent();
            assertThat(otherAccount).isPresent();
            otherStage.get().close();
            otherAccount.get().close();
        } finally {
            first.get().close();
        }
        first.get().close();
        Optional<StageLease> again = store.stageLocks().tryAcquire(ACCOUNT, StageName.TRANSFORMATION, "host-b/main");
        assertThat(again).isPresent();
        assertThat(again.get().accountId()).isEqualTo(ACCOUNT);
        assertThat(again.get().stage()).isEqualTo(StageName.TRANSFORMATION);
        again.get().close();
    }

    // ---------------------------------------------------------------- stage run log

    @Test
    void theRunLogKeepsEveryRunInAppendOrderPerAccount() {
        Instant t0 = Instant.parse("2025-03-01T10:00:00.123456Z");
        dev.lakesentry.api.stage.StageResult transformed = new dev.lakesentry.api.stage.StageResult(StageName.TRANSFORMATION,
                ACCOUNT, t0, List.of(new Partition(ACCOUNT, DAY, DAY.plusDays(2)), Partition.day(ACCOUNT, DAY.plusDays(5))),
                10, 20, new java.util.LinkedHashMap<>(Map.of("usage", 20L)), t0, t0.plusSeconds(1),
                dev.lakesentry.api.stage.StageOutcome.SUCCEEDED, null);
        dev.lakesentry.api.stage.StageResult failed = new dev.lakesentry.api.stage.StageResult(StageName.DETECTION, ACCOUNT,
                t0, List.of(), 0, 0, Map.of(), t0.plusSeconds(2), t0.plusSeconds(3),
                dev.lakesentry.api.stage.StageOutcome.FAILED, "Lost the connection to jdbc:x");
        dev.lakesentry.api.store.StageRunLog log = store.stageRunLog();
        dev.lakesentry.api.stage.StageRun first = log.append(new dev.lakesentry.api.stage.StageRun(0, transformed, 1, false, "host-a"));
        dev.lakesentry.api.stage.StageRun second = log.append(new dev.lakesentry.api.stage.StageRun(0, failed, 3, true, "host-b"));
        log.append(new dev.lakesentry.api.stage.StageRun(0, new dev.lakesentry.api.stage.StageResult(StageName.DETECTION,
                OTHER_ACCOUNT, t0, List.of(), 0, 0, Map.of(), t0, t0, dev.lakesentry.api.stage.StageOutcome.NOTHING_TO_DO,
                null), 1, false, "host-a"));

        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(log.recent(ACCOUNT, 10)).containsExactly(second, first);
        assertThat(log.recent(ACCOUNT, 1)).containsExactly(second);
        assertThat(log.since(ACCOUNT, first.sequence())).containsExactly(second);
        assertThat(log.since(ACCOUNT, 0)).containsExactly(first, second);
        assertThat(first.result()).isEqualTo(transformed);
        assertThat(log.latest(ACCOUNT, StageName.DETECTION, dev.lakesentry.api.stage.StageOutcome.FAILED)).contains(second);
        assertThat(log.latest(ACCOUNT, StageName.DETECTION, dev.lakesentry.api.stage.StageOutcome.SUCCEEDED)).isEmpty();
        assertThat(log.recent(OTHER_ACCOUNT, 10)).singleElement().extracting(dev.lakesentry.api.stage.StageRun::stage)
                .isEqualTo(StageName.DETECTION);
    }

    @Test
    void describeNamesTheStoreWithoutSecrets() {
        assertThat(store.describe()).isNotBlank().doesNotContainIgnoringCase("password=").doesNotContain("secret");
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void theTransformationQueueHoldsTheTouchedDaysPastASequence() {
        java.util.SortedSet<java.time.LocalDate> first = new java.util.TreeSet<>(List.of(DAY, DAY.plusDays(1)));
        Extraction e1 = store.rawWriter().append(StoreFixtures.billingPush("q-1", ACCOUNT,
                StoreFixtures.billingRecords("q1", 2)), ReceiptStatus.APPENDED, at(DAY, 1, 0), first);
        Extraction e2 = store.rawWriter().append(StoreFixtures.billingPush("q-2", ACCOUNT,
                StoreFixtures.billingRecords("q2", 2)), ReceiptStatus.APPENDED, at(DAY, 2, 0),
                new java.util.TreeSet<>(List.of(DAY.plusDays(3))));

        assertThat(store.rawReader().touchedDaysSince(ACCOUNT, 0)).containsExactly(DAY, DAY.plusDays(1), DAY.plusDays(3));
        assertThat(store.rawReader().touchedDaysSince(ACCOUNT, e1.sequence())).containsExactly(DAY.plusDays(3));
        assertThat(store.rawReader().touchedDaysSince(ACCOUNT, e2.sequence())).isEmpty();
        assertThat(store.rawReader().touchedDaysSince(OTHER_ACCOUNT, 0)).isEmpty();
        assertThat(store.rawReader().latestSequence(ACCOUNT)).isEqualTo(e2.sequence());
        assertThat(store.rawReader().latestSequence(OTHER_ACCOUNT)).isZero();
    }

    @Test
    void tokensKeepHashesAndRevocationsStick() {
        var token = new dev.lakesentry.api.push.CollectorToken("0123456789abcdef", "conn-1", ACCOUNT, "00ff", "abcd",
                at(DAY, 1, 0), null);
        store.tokens().add(token);
        assertThat(store.tokens().find("0123456789abcdef")).contains(token);
        assertThat(store.tokens().find("nope")).isEmpty();
        assertThat(store.tokens().revoke("0123456789abcdef", at(DAY, 2, 0))).isTrue();
        assertThat(store.tokens().revoke("0123456789abcdef", at(DAY, 3, 0))).isTrue();
        assertThat(store.tokens().find("0123456789abcdef").orElseThrow().revokedAt()).isEqualTo(at(DAY, 2, 0));
        assertThat(store.tokens().revoke("nope", at(DAY, 2, 0))).isFalse();
        assertThat(store.tokens().tokens(ACCOUNT)).hasSize(1);
        assertThat(store.tokens().tokens(OTHER_ACCOUNT)).isEmpty();
        assertThatThrownBy(() -> store.tokens().add(token)).isInstanceOf(dev.lakesentry.api.StoreException.class);
    }

    @Test
    void theLedgerBuildMarkLandsWithTheTransaction() {
        assertThat(store.ledgerReader().builtThroughSequence(ACCOUNT)).isZero();
        store.ledgerBuilder().markBuiltThrough(ACCOUNT, 7);
        assertThat(store.ledgerReader().builtThroughSequence(ACCOUNT)).isEqualTo(7);
        assertThatThrownBy(() -> store.ledgerBuilder().inTransaction(b -> {
            b.markBuiltThrough(ACCOUNT, 9);
            throw new IllegalStateException("injected");
        })).hasMessageContaining("injected");
        assertThat(store.ledgerReader().builtThroughSequence(ACCOUNT)).isEqualTo(7);
        store.ledgerBuilder().truncate(ACCOUNT);
        assertThat(store.ledgerReader().builtThroughSequence(ACCOUNT)).isZero();
    }
}
