package dev.lakesentry.collector;

import static dev.lakesentry.collector.Fixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.ExternalServiceException;
import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.Extraction;
import dev.lakesentry.api.push.PushReceipt;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.collector.checkpoint.FileCheckpointStore;
import dev.lakesentry.collector.push.HttpPushClient;
import dev.lakesentry.collector.push.InProcessPushClient;
import dev.lakesentry.collector.push.PushClient;
import dev.lakesentry.collector.push.RetryPolicy;
import dev.lakesentry.http.IngestionEndpoint;
import dev.lakesentry.testkit.emulator.DatabricksEmulator;
import dev.lakesentry.testkit.emulator.Fault;
import dev.lakesentry.testkit.emulator.RecordedCall;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector against the Databricks emulator over real HTTP through the real SDK, pushing into core's ingestion. */
class CollectorTest {
    static final String WS_EAST = "1234567890123456";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Fixtures.NOW);
    final List<Duration> waits = new ArrayList<>();
    final RetryPolicy fast = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(8), waits::add);
    DatabricksEmulator emulator;
    TestIngestion ingestion;
    Map<SystemTable, List<SourceRecord>> source;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.builder().clock(clock).rowsPerChunk(25).start();
        source = Fixtures.region("east", WS_EAST);
        emulator.load(source);
        ingestion = new TestIngestion(clock);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    CollectorConfig.Builder config(DatabricksEmulator emu, String connector, boolean primary) {
        return CollectorConfig.builder().host(emu.url()).token(Secret.env("DBX_TOKEN")).warehouseId("wh-1")
                .connectorId(connector).accountId(ACCOUNT).primary(primary).stateDirectory(dir.resolve(connector))
                .batchSize(40).pollInterval(Duration.ofMillis(10)).statementTimeout(Duration.ofSeconds(5))
                .httpTimeout(Duration.ofSeconds(5));
    }

    Collector collector(DatabricksEmulator emu, CollectorConfig config, PushClient push) {
        return Collector.builder(config).pushClient(push).clock(clock).retry(fast)
                .environment(Map.of("DBX_TOKEN", emu.token())::get).build();
    }

    Collector collector(String connector, PushClient push) {
        return collector(emulator, config(emulator, connector, true).build(), push);
    }

    PushClient inProcess(String connector) {
        return new InProcessPushClient(ingestion.service, ingestion.issue(connector, ACCOUNT));
    }

    void assertLandedEqualsSource(Map<SystemTable, List<SourceRecord>> expected) {
        for (Map.Entry<SystemTable, List<SourceRecord>> e : expected.entrySet()) {
            assertThat(ingestion.latest(ACCOUNT, e.getKey())).as(e.getKey().fullName())
                    .isEqualTo(Fixtures.canonical(e.getValue()));
        }
    }

    @Test
    void firstFullLoadEqualsTheSourceTablesRowForRow() {
        try (Collector collector = collector("east", inProcess("east"))) {
            RunReport report = collector.runOnce();

            assertThat(report.failed()).as(report.toString()).isFalse();
            assertLandedEqualsSource(source);
            for (Map.Entry<SystemTable, List<SourceRecord>> e : source.entrySet()) {
                assertThat(ingestion.rawRows(ACCOUNT, e.getKey())).as(e.getKey().fullName()).hasSize(e.getValue().size());
                assertThat(report.table(e.getKey()).orElseThrow().rowsRead()).isEqualTo(e.getValue().size());
            }
            // 108 usage rows in batches of at most 40; chunks of 25 rows were paged through.
            assertThat(report.table(SystemTable.BILLING_USAGE).orElseThrow().batchesPushed()).isEqualTo(3);
            assertThat(emulator.calls().all().stream().filter(c -> c.path().contains("/result/chunks/"))).isNotEmpty();
            assertThat(new FileCheckpointStore(dir.resolve("east")).pending("east")).isEmpty();
            assertThat(collector.health().get(SystemTable.BILLING_USAGE).watermark())
                    .isEqualTo(Instant.parse("2025-03-09T00:00:00Z"));
            assertThat(collector.health().get(SystemTable.BILLING_USAGE).lag()).isEqualTo(Duration.ofHours(36));
            assertThat(collector.statusFile()).exists();
        }
    }

    @Test
    void aSecondRunFetchesOnlyNewRowsPlusTheOverlap() {
        try (Collector collector = collector("east", inProcess("east"))) {
            collector.runOnce();
            List<SourceRecord> newUsage = Fixtures.usage("new", WS_EAST, LocalDate.parse("2025-03-10"), 1, 5);
            List<SourceRecord> newQueries = Fixtures.queries("east", WS_EAST, Instant.parse("2025-03-09T06:00:00Z"), 50, 6);
            emulator.load(SystemTable.BILLING_USAGE, newUsage);
            emulator.load(SystemTable.QUERY_HISTORY, newQueries);
            clock.advance(Duration.ofMinutes(15));
            int before = emulator.calls().all().size();

            RunReport second = collector.runOnce();

            // billing re-reads from the checkpoint day (2025-03-09) minus 3 days: 4 days of 12 rows, plus 5 new.
            assertThat(second.table(SystemTable.BILLING_USAGE).orElseThrow().rowsRead()).isEqualTo(4 * 12 + 5);
            // query history re-reads 4 hours behind its last end_time: the queries ending in that window and the new ones.
            Instant lastEnd = Instant.parse(source.get(SystemTable.QUERY_HISTORY).get(49).text("end_time").orElseThrow());
            long inWindow = source.get(SystemTable.QUERY_HISTORY).stream()
                    .filter(r -> !Instant.parse(r.text("end_time").orElseThrow()).isBefore(lastEnd.minus(Duration.ofHours(4))))
                    .count();
            assertThat(second.table(SystemTable.QUERY_HISTORY).orElseThrow().rowsRead()).isEqualTo(inWindow + 6);
            // the statement carried the watermark as a named DATE parameter
            List<RecordedCall> submits = emulator.calls().all().subList(before, emulator.calls().all().size()).stream()
                    .filter(c -> c.method().equals("POST") && c.body().contains("system.billing.usage")).toList();
            assertThat(submits).singleElement().satisfies(c -> assertThat(c.body())
                    .contains("\"name\":\"watermark_from\"").contains("\"value\":\"2025-03-06\"").contains("\"type\":\"DATE\""));

            Map<SystemTable, List<SourceRecord>> expected = new java.util.EnumMap<>(source);
            expected.put(SystemTable.BILLING_USAGE, concat(source.get(SystemTable.BILLING_USAGE), newUsage));
            expected.put(SystemTable.QUERY_HISTORY, concat(source.get(SystemTable.QUERY_HISTORY), newQueries));
            assertLandedEqualsSource(expected);
            assertThat(collector.health().get(SystemTable.BILLING_USAGE).watermark())
                    .isEqualTo(Instant.parse("2025-03-10T00:00:00Z"));
        }
    }

    @Test
    void aLateCorrectionForAnOldUsageDateIsPickedUpByTheOverlap() {
        try (Collector collector = collector("east", inProcess("east"))) {
            collector.runOnce();
            SourceRecord original = source.get(SystemTable.BILLING_USAGE).get(1);
            Instant start = Instant.parse(original.text("usage_start_time").orElseThrow());
            String quantity = original.text("usage_quantity").orElseThrow();
            // Written on 2025-03-08 (before the checkpoint day 2025-03-09) for usage of 2025-03-01.
            List<SourceRecord> corrections = List.of(
                    Fixtures.usageRow("retract-1", WS_EAST, start, Fixtures.dec(new BigDecimal(quantity).negate().toPlainString()),
                            "RETRACTION", LocalDate.parse("2025-03-08"), false),
                    Fixtures.usageRow("restate-1", WS_EAST, start, Fixtures.dec("0.9"), "RESTATEMENT",
                            LocalDate.parse("2025-03-08"), false));
            emulator.load(SystemTable.BILLING_USAGE, corrections);
            clock.advance(Duration.ofHours(1));

            RunReport second = collector.runOnce();

            assertThat(second.table(SystemTable.BILLING_USAGE).orElseThrow().outcome()).isEqualTo(TableReport.Outcome.COLLECTED);
            TreeSet<String> landed = ingestion.latest(ACCOUNT, SystemTable.BILLING_USAGE);
            assertThat(landed).isEqualTo(Fixtures.canonical(concat(source.get(SystemTable.BILLING_USAGE), corrections)));
            BigDecimal day1 = ingestion.latest(ACCOUNT, SystemTable.BILLING_USAGE).stream()
                    .filter(j -> j.contains("\"usage_date\":\"2025-03-01\"") && j.contains("\"usage_start_time\":\"" + Fixtures.ts(start)))
                    .map(j -> new BigDecimal(j.replaceAll(".*\"usage_quantity\":\"([-0-9.]+)\".*", "$1")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(day1).isEqualByComparingTo("0.9");
        }
    }

    @Test
    void injected429And500AndSlowResponsesAreRetriedAndTheDataEndsIdentical() {
        emulator.setStatementPolls(2, 3);
        emulator.faults()
                .next("POST", "/api/2.0/sql/statements", Fault.tooManyRequests(0))
                .next("POST", "/api/2.0/sql/statements", Fault.internalError())
                .times(2, "GET", "/api/2.0/sql/statements/*", Fault.internalError().withRetryAfter(0))
                .next("GET", "/api/2.0/sql/statements/*/result/chunks/*", Fault.serviceUnavailable().withRetryAfter(0))
                .next("GET", "/api/2.0/sql/statements/*/result/chunks/*", Fault.delay(Duration.ofMillis(300)));
        CollectorConfig config = config(emulator, "east", true).httpTimeout(Duration.ofSeconds(5)).build();
        try (Collector collector = collector(emulator, config, inProcess("east"))) {
            RunReport report = collector.runOnce();

            assertThat(report.failed()).as(report.toString()).isFalse();
            assertThat(emulator.faults().armed()).isZero();
            assertLandedEqualsSource(source);
            assertThat(emulator.calls().all()).extracting(RecordedCall::status).contains(429, 500, 503);
            assertThat(waits).isNotEmpty();
        }
    }

    @Test
    void aTimedOutSlowResponseIsRetried() {
        emulator.faults().next("GET", "/api/2.0/sql/statements/*/result/chunks/*", Fault.delay(Duration.ofMillis(1500)));
        CollectorConfig config = config(emulator, "east", true).httpTimeout(Duration.ofSeconds(1))
                .include(List.of(SystemTable.BILLING_USAGE)).build();
        try (Collector collector = collector(emulator, config, inProcess("east"))) {
            RunReport report = collector.runOnce();

            assertThat(report.failed()).as(report.toString()).isFalse();
            assertThat(ingestion.latest(ACCOUNT, SystemTable.BILLING_USAGE))
                    .isEqualTo(Fixtures.canonical(source.get(SystemTable.BILLING_USAGE)));
        }
    }

    @Test
    void aCrashAfterTheBatchWasSavedButBeforeTheAckResendsTheSameExtractionAndNoDuplicateLands() {
        BearerToken token = ingestion.issue("east", ACCOUNT);
        AtomicInteger lostAcks = new AtomicInteger();
        // Ingestion stores the first usage batch, but the acknowledgement never reaches the collector.
        PushClient flaky = (envelope, json) -> {
            PushReceipt receipt = ingestion.service.push(envelope, token);
            if (envelope.table() == SystemTable.BILLING_USAGE && lostAcks.getAndIncrement() == 0) {
                throw new ExternalServiceException("connection reset before the answer arrived", null);
            }
            return receipt;
        };
        CollectorConfig config = config(emulator, "east", true).include(List.of(SystemTable.BILLING_USAGE)).build();
        String lostId;
        try (Collector collector = collector(emulator, config, flaky)) {
            RunReport first = collector.runOnce();
            assertThat(first.table(SystemTable.BILLING_USAGE).orElseThrow().outcome()).isEqualTo(TableReport.Outcome.FAILED);
            List<dev.lakesentry.collector.checkpoint.SavedBatch> pending = new FileCheckpointStore(dir.resolve("east")).pending("east");
            assertThat(pending).hasSize(3);
            lostId = pending.get(0).extractionId();
            assertThat(new FileCheckpointStore(dir.resolve("east")).checkpoint("east", SystemTable.BILLING_USAGE)).isEmpty();
        }
        // New rows arrive meanwhile; the collector restarts (a new instance on the same state directory).
        List<SourceRecord> newUsage = Fixtures.usage("new", WS_EAST, LocalDate.parse("2025-03-10"), 1, 4);
        emulator.load(SystemTable.BILLING_USAGE, newUsage);
        clock.advance(Duration.ofMinutes(15));
        try (Collector restarted = collector(emulator, config, flaky)) {
            RunReport second = restarted.runOnce();

            TableReport usage = second.table(SystemTable.BILLING_USAGE).orElseThrow();
            assertThat(usage.outcome()).as(usage.toString()).isEqualTo(TableReport.Outcome.COLLECTED);
            assertThat(usage.batchesResent()).isEqualTo(3);
            assertThat(usage.alreadyIngested()).isEqualTo(1);
            assertThat(usage.extractionIds().get(0)).isEqualTo(lostId);
        }
        List<Extraction> registered = ingestion.extractions(ACCOUNT, SystemTable.BILLING_USAGE);
        assertThat(registered).extracting(Extraction::extractionId).doesNotHaveDuplicates().contains(lostId);
        assertThat(registered.stream().filter(e -> e.extractionId().equals(lostId))).hasSize(1);
        assertThat(ingestion.raw.rejections(ACCOUNT)).isEmpty();
        // Every source row landed once from the first extraction; the overlap re-read copies come from new extractions.
        long firstRunCopies = ingestion.rawRows(ACCOUNT, SystemTable.BILLING_USAGE).stream()
                .filter(r -> r.extractionId().startsWith(lostId.substring(0, lostId.length() - 2))).count();
        assertThat(firstRunCopies).isEqualTo(source.get(SystemTable.BILLING_USAGE).size());
        assertThat(ingestion.latest(ACCOUNT, SystemTable.BILLING_USAGE))
                .isEqualTo(Fixtures.canonical(concat(source.get(SystemTable.BILLING_USAGE), newUsage)));
    }

    @Test
    void aCrashBetweenSaveAndPushSendsTheSavedBatchOnTheNextRun() {
        BearerToken token = ingestion.issue("east", ACCOUNT);
        AtomicInteger calls = new AtomicInteger();
        PushClient dying = (envelope, json) -> {
            if (calls.getAndIncrement() == 0) {
                throw new ExternalServiceException("killed before the push left", null);
            }
            return ingestion.service.push(envelope, token);
        };
        CollectorConfig config = config(emulator, "east", true).include(List.of(SystemTable.CLUSTERS)).build();
        try (Collector collector = collector(emulator, config, dying)) {
            assertThat(collector.runOnce().failed()).isTrue();
            assertThat(collector.health().get(SystemTable.CLUSTERS).status()).isEqualTo(TableHealth.Status.FAILING);
            RunReport second = collector.runOnce();
            assertThat(second.failed()).isFalse();
            assertThat(second.table(SystemTable.CLUSTERS).orElseThrow().batchesResent()).isEqualTo(1);
            assertThat(second.table(SystemTable.CLUSTERS).orElseThrow().alreadyIngested()).isZero();
            assertThat(collector.health().get(SystemTable.CLUSTERS).status()).isEqualTo(TableHealth.Status.HEALTHY);
        }
        assertThat(ingestion.latest(ACCOUNT, SystemTable.CLUSTERS)).isEqualTo(Fixtures.canonical(source.get(SystemTable.CLUSTERS)));
    }

    @Test
    void accountWideTablesArePulledOnceWithTwoRegionalConnectors() {
        try (DatabricksEmulator west = DatabricksEmulator.builder().clock(clock).workspaceId("6543210987654321").start()) {
            Map<SystemTable, List<SourceRecord>> westSource = Fixtures.region("west", "6543210987654321");
            west.load(westSource);
            CollectorConfig eastConfig = config(emulator, "east", true).build();
            CollectorConfig westConfig = config(west, "west", false).build();
            CollectorConfig.checkFleet(List.of(eastConfig, westConfig));

            try (Collector east = collector(emulator, eastConfig, inProcess("east"));
                 Collector westCollector = collector(west, westConfig, inProcess("west"))) {
                RunReport eastReport = east.runOnce();
                RunReport westReport = westCollector.runOnce();

                assertThat(eastReport.failed() || westReport.failed()).isFalse();
                assertThat(westReport.table(SystemTable.BILLING_USAGE)).isEmpty();
                assertThat(westConfig.tables()).doesNotContain(SystemTable.BILLING_USAGE, SystemTable.LIST_PRICES,
                        SystemTable.WORKSPACES_LATEST);
            }
            assertThat(west.calls().all()).noneMatch(c -> c.body().contains("system.billing")
                    || c.body().contains("system.access"));
            assertThat(ingestion.rawRows(ACCOUNT, SystemTable.BILLING_USAGE)).hasSize(source.get(SystemTable.BILLING_USAGE).size());
            assertThat(ingestion.extractions(ACCOUNT, SystemTable.BILLING_USAGE)).allMatch(e -> e.connectorId().equals("east"));
            assertThat(ingestion.latest(ACCOUNT, SystemTable.CLUSTERS)).isEqualTo(Fixtures.canonical(
                    concat(source.get(SystemTable.CLUSTERS), westSource.get(SystemTable.CLUSTERS))));
        }
    }

    @Test
    void pushesOverHttpToTheRealIngestionEndpoint() {
        try (IngestionEndpoint endpoint = IngestionEndpoint.builder().sink(ingestion.service).tokens(ingestion.tokens)
                .health(ingestion.health).start()) {
            HttpPushClient http = HttpPushClient.builder().baseUri(endpoint.uri()).token(ingestion.issue("east", ACCOUNT))
                    .retry(fast).build();
            try (Collector collector = collector("east", http)) {
                RunReport first = collector.runOnce();
                assertThat(first.failed()).as(first.toString()).isFalse();
                clock.advance(Duration.ofMinutes(15));
                RunReport second = collector.runOnce();
                assertThat(second.failed()).isFalse();
            }
            assertLandedEqualsSource(source);
        }
    }

    @Test
    void runsOnAScheduleUntilClosed() throws Exception {
        java.util.concurrent.CountDownLatch twoRuns = new java.util.concurrent.CountDownLatch(2);
        PushClient delegate = inProcess("east");
        PushClient counting = (envelope, json) -> {
            PushReceipt r = delegate.push(envelope, json);
            if (envelope.table() == SystemTable.NODE_TYPES) {
                twoRuns.countDown();
            }
            return r;
        };
        CollectorConfig config = config(emulator, "east", true).include(List.of(SystemTable.NODE_TYPES))
                .schedule(Duration.ofMillis(1000)).build();
        Collector collector = collector(emulator, config, counting);
        collector.start();
        assertThat(twoRuns.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        collector.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(collector::start).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(collector.statusFile())).contains("\"table\" : \"system.compute.node_types\"")
                .contains("\"status\" : \"HEALTHY\"");
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
