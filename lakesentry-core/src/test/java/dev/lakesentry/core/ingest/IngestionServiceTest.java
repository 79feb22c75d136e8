package dev.lakesentry.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.AuthenticationException;
import dev.lakesentry.api.ConflictException;
import dev.lakesentry.api.Problem;
import dev.lakesentry.api.StoreException;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.CanonicalRecords;
import dev.lakesentry.api.push.ConnectorHealth;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.HealthStatus;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.PushReceipt;
import dev.lakesentry.api.push.ReceiptStatus;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.store.jdbc.JdbcStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of a push through ingestion, on the real embedded store. */
class IngestionServiceTest {
    static final String ACCOUNT = "0722779a-fd4e-49c1-a7a6-8417a97cf9ea";
    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    private JdbcStore store;
    private LakeSentry lakeSentry;
    private MutableClock clock;
    private BearerToken token;

    @BeforeEach
    void start() {
        store = JdbcStore.inMemory("ingest-" + UUID.randomUUID());
        clock = new MutableClock(NOW);
        lakeSentry = LakeSentry.builder().store(store).clock(clock).connectorLag(Duration.ofHours(1)).build();
        token = lakeSentry.tokens().issue("conn-1", ACCOUNT).token();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    static Map<String, Object> usage(String recordId, String day, String quantity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("record_id", recordId);
        m.put("account_id", ACCOUNT);
        m.put("workspace_id", "1234567890123456");
        m.put("sku_name", "PREMIUM_JOBS_COMPUTE");
        m.put("cloud", "AWS");
        m.put("usage_start_time", day + "T10:00:00.000Z");
        m.put("usage_end_time", day + "T11:00:00.000Z");
        m.put("usage_date", day);
        m.put("custom_tags", Map.of("team", "data-eng"));
        m.put("usage_unit", "DBU");
        m.put("usage_quantity", quantity);
        m.put("usage_metadata", Map.of("cluster_id", "0304-095812-abcd1234", "job_id", "837261947261"));
        m.put("identity_metadata", Map.of("run_as", "svc-etl@example.com"));
        m.put("record_type", "ORIGINAL");
        m.put("ingestion_date", day);
        m.put("billing_origin_product", "JOBS");
        m.put("product_features", Map.of("is_serverless", false));
        m.put("usage_type", "COMPUTE_TIME");
        return m;
    }

    static List<SourceRecord> records(String prefix, int n) {
        List<SourceRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(SourceRecord.of(usage(prefix + "-" + i, "2025-03-0" + (1 + i % 3), "4.250000000000000000")));
        }
        return out;
    }

    static PushEnvelope push(String id, List<SourceRecord> records) {
        return PushEnvelope.create(id, "conn-1", ACCOUNT, SystemTable.BILLING_USAGE,
                new WatermarkRange(null, Instant.parse("2025-03-03T00:00:00Z")), records);
    }

    private long rawRows() {
        return store.rawReader().rowCount(ACCOUNT, SystemTable.BILLING_USAGE);
    }

    @Test
    void acceptsAPushWholeAndQueuesItsDays() {
        PushReceipt r = lakeSentry.ingestion().push(push("e-1", records("a", 30)), token);
        assertThat(r.status()).isEqualTo(ReceiptStatus.APPENDED);
        assertThat(r.rowsAppended()).isEqualTo(30);
        assertThat(r.alreadyIngested()).isFalse();
        assertThat(rawRows()).isEqualTo(30);
        assertThat(store.rawReader().touchedDaysSince(ACCOUNT, 0))
                .containsExactly(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-02"), LocalDate.parse("2025-03-03"));
    }

    @Test
    void aRepeatIsAnsweredWithTheOriginalReceiptAndWritesNothing() {
        PushReceipt first = lakeSentry.ingestion().push(push("e-1", records("a", 5)), token);
        clock.advance(Duration.ofMinutes(5));
        PushReceipt again = lakeSentry.ingestion().push(push("e-1", records("a", 5)), token);
        assertThat(again.alreadyIngested()).isTrue();
        assertThat(again.receivedAt()).isEqualTo(first.receivedAt());
        assertThat(again.checksum()).isEqualTo(first.checksum());
        assertThat(rawRows()).isEqualTo(5);
    }

    @Test
    void theSameIdWithOtherRecordsIsAConflict() {
        lakeSentry.ingestion().push(push("e-1", records("a", 5)), token);
        assertThatThrownBy(() -> lakeSentry.ingestion().push(push("e-1", records("b", 5)), token))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'e-1'").hasMessageContaining("new extraction id");
        assertThat(rawRows()).isEqualTo(5);
    }

    @Test
    void rawKeepsEveryCopyThatArrivesInAnotherExtraction() {
        lakeSentry.ingestion().push(push("e-1", records("a", 5)), token);
        lakeSentry.ingestion().push(push("e-2", records("a", 5)), token);
        assertThat(rawRows()).isEqualTo(10);
    }

    @Test
    void badTokensAreRefusedAndNothingIsWritten() {
        PushEnvelope e = push("e-1", records("a", 3));
        BearerToken revoked = lakeSentry.tokens().issue("conn-1", ACCOUNT).token();
        lakeSentry.tokens().revoke(revoked.reveal().substring(4, 20));
        BearerToken otherAccount = lakeSentry.tokens().issue("conn-1", "other-account").token();
        BearerToken otherConnector = lakeSentry.tokens().issue("conn-2", ACCOUNT).token();
        String wrongSecret = token.reveal().substring(0, token.reveal().length() - 2) + "xx";
        for (BearerToken bad : List.of(new BearerToken("nonsense"), new BearerToken(wrongSecret), revoked, otherAccount,
                otherConnector, new BearerToken("lsc_0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))) {
            assertThatThrownBy(() -> lakeSentry.ingestion().push(e, bad))
                    .isInstanceOf(AuthenticationException.class)
                    .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain(secretOf(bad)));
        }
        assertThatThrownBy(() -> lakeSentry.ingestion().push(e, null)).isInstanceOf(AuthenticationException.class);
        assertThat(rawRows()).isZero();
        assertThat(store.rawReader().extractions(ACCOUNT)).isEmpty();
        assertThat(store.rawReader().rejections(ACCOUNT)).isEmpty();
    }

    private static String secretOf(BearerToken t) {
        String v = t.reveal();
        return v.contains(".") ? v.substring(v.indexOf('.') + 1) : v;
    }

    @Test
    void invalidRecordsAreListedByRecordColumnAndValueAndNothingLands() {
        List<SourceRecord> rs = new ArrayList<>(records("a", 4));
        Map<String, Object> badTime = usage("bad-1", "2025-03-01", "1.0");
        badTime.put("usage_start_time", "yesterday");
        Map<String, Object> badQuantity = usage("bad-2", "2025-03-01", "four");
        Map<String, Object> missing = usage("bad-3", "2025-03-01", "1.0");
        missing.remove("sku_name");
        Map<String, Object> otherAccount = usage("bad-4", "2025-03-01", "1.0");
        otherAccount.put("account_id", "someone-else");
        Map<String, Object> extra = usage("ok-extra", "2025-03-01", "1.0");
        extra.put("brand_new_column", "kept");
        rs.add(SourceRecord.of(badTime));
        rs.add(SourceRecord.of(badQuantity));
        rs.add(SourceRecord.of(missing));
        rs.add(SourceRecord.of(otherAccount));
        rs.add(SourceRecord.of(extra));
        assertThatThrownBy(() -> lakeSentry.ingestion().push(push("e-bad", rs), token))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::location).containsExactly(
                            "extraction 'e-bad' record 4", "extraction 'e-bad' record 5", "extraction 'e-bad' record 6",
                            "extraction 'e-bad' record 7");
                    assertThat(e.problems()).extracting(Problem::field)
                            .containsExactly("usage_start_time", "usage_quantity", "sku_name", "account_id");
                    assertThat(e.problems()).extracting(Problem::value).containsExactly("yesterday", "four", null, "someone-else");
                });
        assertThat(rawRows()).isZero();
        assertThat(store.rawReader().rejections(ACCOUNT)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("e-bad"));
    }

    @Test
    void envelopeProblemsAreReportedTogether() {
        List<SourceRecord> rs = records("a", 3);
        PushEnvelope e = new PushEnvelope("e-env", "conn-1", ACCOUNT, SystemTable.BILLING_USAGE, ExtractionMode.SNAPSHOT,
                null, 7, 5, CanonicalRecords.checksum(records("b", 3)), rs);
        assertThatThrownBy(() -> lakeSentry.ingestion().push(e, token))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(ex.problems()).extracting(Problem::field)
                        .containsExactly("schemaVersion", "mode", "watermark", "recordCount", "checksum"));
        assertThat(rawRows()).isZero();
    }

    @Test
    void extraColumnsAreKeptInTheOriginalJson() {
        Map<String, Object> extra = usage("x-1", "2025-03-01", "1.0");
        extra.put("brand_new_column", "kept");
        lakeSentry.ingestion().push(push("e-x", List.of(SourceRecord.of(extra))), token);
        assertThat(store.rawReader().rows(ACCOUNT, SystemTable.BILLING_USAGE)).singleElement()
                .satisfies(r -> assertThat(r.record().values()).containsEntry("brand_new_column", "kept"));
    }

    @Test
    void atMostOneHundredProblemsAreListedButAllAreCounted() {
        List<SourceRecord> rs = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            rs.add(SourceRecord.of(usage("r-" + i, "2025-03-01", "NaN-ish")));
        }
        assertThatThrownBy(() -> lakeSentry.ingestion().push(push("e-many", rs), token))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems()).hasSize(100);
                    assertThat(e.totalProblems()).isEqualTo(150);
                });
    }

    @Test
    void anUnchangedSnapshotIsRecordedButNotAppendedAgain() {
        List<SourceRecord> prices = List.of(SourceRecord.of(Map.of("price_start_time", "2023-01-01T00:00:00.000Z",
                "account_id", ACCOUNT, "sku_name", "PREMIUM_JOBS_COMPUTE", "cloud", "AWS", "currency_code", "USD",
                "usage_unit", "DBU", "pricing", Map.of("default", "0.15", "effective_list", Map.of("default", "0.15")))));
        PushReceipt first = lakeSentry.ingestion().push(PushEnvelope.create("p-1", "conn-1", ACCOUNT, SystemTable.LIST_PRICES,
                null, prices), token);
        PushReceipt second = lakeSentry.ingestion().push(PushEnvelope.create("p-2", "conn-1", ACCOUNT, SystemTable.LIST_PRICES,
                null, prices), token);
        assertThat(first.status()).isEqualTo(ReceiptStatus.APPENDED);
        assertThat(second.status()).isEqualTo(ReceiptStatus.SNAPSHOT_UNCHANGED);
        assertThat(second.rowsAppended()).isZero();
        assertThat(store.rawReader().rowCount(ACCOUNT, SystemTable.LIST_PRICES)).isEqualTo(1);
        assertThat(store.rawReader().extractions(ACCOUNT)).hasSize(2);
    }

    @Test
    void aStoreFailureMidAppendLeavesNoRows() {
        List<SourceRecord> rs = new ArrayList<>(records("a", 1000));
        rs.set(500, SourceRecord.of(usage("too-big", "2025-03-01", "123456789012345678901234567.5")));
        assertThatThrownBy(() -> lakeSentry.ingestion().push(push("e-big", rs), token)).isInstanceOf(StoreException.class);
        assertThat(rawRows()).isZero();
        assertThat(store.rawReader().extraction("e-big")).isEmpty();
        assertThat(store.rawReader().touchedDaysSince(ACCOUNT, 0)).isEmpty();
    }

    @Test
    void eightThreadsPushingNewAndRepeatedIdsLoseAndDuplicateNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<PushReceipt>> futures = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 80; i++) {
            String id = "c-" + (i % 30);
            distinct.add(id);
            PushEnvelope e = push(id, records(id, 10));
            futures.add(pool.submit(() -> lakeSentry.ingestion().push(e, token)));
        }
        int repeats = 0;
        for (Future<PushReceipt> f : futures) {
            if (f.get().alreadyIngested()) {
                repeats++;
            }
        }
        pool.shutdown();
        assertThat(repeats).isEqualTo(80 - distinct.size());
        assertThat(store.rawReader().extractions(ACCOUNT)).hasSize(distinct.size());
        assertThat(rawRows()).isEqualTo(distinct.size() * 10L);
    }

    @Test
    void tokensNeverReachLogsOrErrors() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            BearerToken issued = lakeSentry.tokens().issue("conn-9", ACCOUNT).token();
            lakeSentry.ingestion().push(PushEnvelope.create("t-1", "conn-9", ACCOUNT, SystemTable.BILLING_USAGE,
                    new WatermarkRange(null, NOW), records("t", 2)), issued);
            try {
                lakeSentry.ingestion().push(push("t-2", records("u", 2)), issued);
            } catch (AuthenticationException expected) {
                assertThat(expected.getMessage()).doesNotContain(issued.reveal());
            }
            String secret = issued.reveal().substring(issued.reveal().indexOf('.') + 1);
            assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(secret).contains("conn-9");
            assertThat(store.tokens().tokens(ACCOUNT).toString()).doesNotContain(secret);
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void connectorHealthSaysHealthyLaggingOrFailing() {
        lakeSentry.ingestion().push(push("h-1", records("a", 3)), token);
        assertThat(lakeSentry.connectorHealth().health(ACCOUNT)).singleElement()
                .satisfies(h -> {
                    assertThat(h.status()).isEqualTo(HealthStatus.HEALTHY);
                    assertThat(h.rows()).isEqualTo(3);
                    assertThat(h.watermark()).isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
                });
        clock.advance(Duration.ofHours(2));
        assertThat(lakeSentry.connectorHealth().health(ACCOUNT)).extracting(ConnectorHealth::status)
                .containsExactly(HealthStatus.LAGGING);
        List<SourceRecord> bad = List.of(SourceRecord.of(usage("x", "not-a-date", "1")));
        assertThatThrownBy(() -> lakeSentry.ingestion().push(push("h-2", bad), token)).isInstanceOf(ValidationException.class);
        assertThat(lakeSentry.connectorHealth().health(ACCOUNT)).singleElement().satisfies(h -> {
            assertThat(h.status()).isEqualTo(HealthStatus.FAILING);
            assertThat(h.rejection()).hasValueSatisfying(r -> assertThat(r.reason()).contains("usage_date"));
        });
        assertThat(lakeSentry.connectorHealth().health("other-account")).isEmpty();
    }
}
