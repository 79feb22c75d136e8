package dev.lakesentry.testkit.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.push.Column;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.testkit.generator.export.ExportFiles;
import dev.lakesentry.testkit.generator.export.TruthJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountGeneratorTest {
    private static final Pattern TS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DEC18 = Pattern.compile("-?\\d+\\.\\d{18}");
    private static final Pattern PRICE = Pattern.compile("\\d+\\.\\d{2,3}");

    private static GeneratedAccount small;

    @BeforeAll
    static void generate() {
        small = AccountGenerator.generate(GeneratorConfig.small(42));
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ExportFiles.write(small, a, ExportFiles.Format.JSONL, ExportFiles.Format.CSV);
        ExportFiles.write(AccountGenerator.generate(GeneratorConfig.small(42)), b, ExportFiles.Format.JSONL,
                ExportFiles.Format.CSV);
        Map<String, String> ha = hashes(a);
        assertThat(ha).hasSize(SystemTable.values().length * 2 + 1).containsKey("truth.json")
                .containsKey("system.billing.usage.jsonl").containsKey("system.billing.usage.csv");
        assertThat(hashes(b)).isEqualTo(ha);
    }

    @Test
    void differentSeedGivesDifferentRows(@TempDir Path tmp) throws IOException {
        ExportFiles.write(small, tmp.resolve("a"), ExportFiles.Format.JSONL);
        ExportFiles.write(AccountGenerator.generate(GeneratorConfig.small(43)), tmp.resolve("b"),
                ExportFiles.Format.JSONL);
        Map<String, String> ha = hashes(tmp.resolve("a"));
        Map<String, String> hb = hashes(tmp.resolve("b"));
        assertThat(hb.get("system.billing.usage.jsonl")).isNotEqualTo(ha.get("system.billing.usage.jsonl"));
        assertThat(hb.get("system.compute.node_timeline.jsonl")).isNotEqualTo(ha.get("system.compute.node_timeline.jsonl"));
        assertThat(hb.get("truth.json")).isNotEqualTo(ha.get("truth.json"));
    }

    @Test
    void everyTableHasRowsWithExactlyItsColumnsAndRequiredValues() {
        for (SystemTable t : SystemTable.values()) {
            List<SourceRecord> rows = small.rows(t);
            assertThat(rows).as(t.fullName()).isNotEmpty();
            Set<String> columns = t.columns().stream().map(Column::name).collect(Collectors.toSet());
            for (SourceRecord r : rows) {
                assertThat(r.values().keySet()).as(t.fullName()).isEqualTo(columns);
                for (Column c : t.columns()) {
                    if (c.required()) {
                        assertThat(r.values().get(c.name())).as(t.fullName() + "." + c.name()).isNotNull();
                    }
                }
            }
            assertThat(small.truth().rowCounts().get(t.fullName())).isEqualTo(rows.size());
        }
    }

    @Test
    void eachColumnKeepsOneValueTypeAndTheDatabricksFormats() {
        for (SystemTable t : SystemTable.values()) {
            for (Column c : t.columns()) {
                Set<Class<?>> types = new HashSet<>();
                for (SourceRecord r : small.rows(t)) {
                    Object v = r.values().get(c.name());
                    if (v == null) {
                        continue;
                    }
                    types.add(v instanceof Map ? Map.class : v instanceof List ? List.class : v.getClass());
                    String text = v instanceof String s ? s : null;
                    switch (c.type()) {
                        case TIMESTAMP -> assertThat(text).as(t.fullName() + "." + c.name()).matches(TS);
                        case DATE -> assertThat(text).as(t.fullName() + "." + c.name()).matches(DATE);
                        case DECIMAL -> assertThat(text).as(t.fullName() + "." + c.name()).matches(DEC18);
                        case STRING -> assertThat(v).isInstanceOf(String.class);
                        case LONG, INT -> assertThat(v).isInstanceOfAny(Long.class, Integer.class);
                        case DOUBLE -> assertThat(v).isInstanceOf(Double.class);
                        case BOOLEAN -> assertThat(v).isInstanceOf(Boolean.class);
                        case MAP, STRUCT -> assertThat(v).isInstanceOf(Map.class);
                        case ARRAY -> assertThat(v).isInstanceOf(List.class);
                        default -> {
                        }
                    }
                }
                assertThat(types).as(t.fullName() + "." + c.name()).hasSizeLessThanOrEqualTo(1);
            }
        }
        for (SourceRecord p : small.rows(SystemTable.LIST_PRICES)) {
            Map<?, ?> pricing = (Map<?, ?>) p.values().get("pricing");
            assertThat((String) pricing.get("default")).matches(PRICE);
            assertThat((String) ((Map<?, ?>) pricing.get("effective_list")).get("default")).matches(PRICE);
            assertThat(((Map<?, ?>) pricing.get("promotional")).containsKey("default")).isTrue();
        }
    }

    @Test
    void billingRowsAreHourlyAndCarryRealisticMetadata() {
        boolean serverlessWithoutCluster = false;
        boolean untagged = false;
        boolean allPurposeWithoutJobId = false;
        boolean late = false;
        for (SourceRecord r : small.rows(SystemTable.BILLING_USAGE)) {
            Map<String, Object> v = r.values();
            Instant s = Instant.parse((String) v.get("usage_start_time"));
            Instant e = Instant.parse((String) v.get("usage_end_time"));
            assertThat(Duration.between(s, e)).isEqualTo(Duration.ofHours(1));
            assertThat(s.getEpochSecond() % 3600).isZero();
            assertThat(v.get("usage_date")).isEqualTo(s.toString().substring(0, 10));
            Map<?, ?> meta = (Map<?, ?>) v.get("usage_metadata");
            Map<?, ?> features = (Map<?, ?>) v.get("product_features");
            if (Boolean.TRUE.equals(features.get("is_serverless"))) {
                assertThat(meta.get("cluster_id")).isNull();
                serverlessWithoutCluster = true;
            }
            if ("ALL_PURPOSE".equals(v.get("billing_origin_product"))) {
                assertThat(meta.get("cluster_id")).isNotNull();
                assertThat(meta.get("job_id")).isNull();
                allPurposeWithoutJobId = true;
            }
            untagged |= !((Map<?, ?>) v.get("custom_tags")).containsKey("team");
            if ("ORIGINAL".equals(v.get("record_type"))) {
                LocalDate usage = LocalDate.parse((String) v.get("usage_date"));
                LocalDate ingestion = LocalDate.parse((String) v.get("ingestion_date"));
                assertThat(ingestion).isAfterOrEqualTo(usage);
                late |= !ingestion.isBefore(usage.plusDays(2));
            }
        }
        assertThat(serverlessWithoutCluster).isTrue();
        assertThat(allPurposeWithoutJobId).isTrue();
        assertThat(untagged).isTrue();
        assertThat(late).as("late-arriving ORIGINAL rows").isTrue();
    }

    @Test
    void jobsOnAllPurposeClustersAreLinkedOnlyThroughTaskComputeIds() {
        Set<String> allPurpose = small.rows(SystemTable.CLUSTERS).stream()
                .filter(r -> "UI".equals(r.values().get("cluster_source")))
                .map(r -> (String) r.values().get("cluster_id")).collect(Collectors.toSet());
        long linked = small.rows(SystemTable.JOB_TASK_RUN_TIMELINE).stream()
                .filter(r -> ((List<?>) r.values().get("compute_ids")).stream().anyMatch(allPurpose::contains))
                .count();
        assertThat(linked).isPositive();
    }

    @Test
    void queriesFallWithinWarehouseUptime() {
        Map<String, TreeMap<Instant, Integer>> events = new HashMap<>();
        for (SourceRecord e : small.rows(SystemTable.WAREHOUSE_EVENTS)) {
            events.computeIfAbsent((String) e.values().get("warehouse_id"), k -> new TreeMap<>())
                    .put(Instant.parse((String) e.values().get("event_time")), (Integer) e.values().get("cluster_count"));
        }
        for (SourceRecord q : small.rows(SystemTable.QUERY_HISTORY)) {
            String wh = (String) ((Map<?, ?>) q.values().get("compute")).get("warehouse_id");
            Instant end = Instant.parse((String) q.values().get("end_time"));
            Map.Entry<Instant, Integer> before = events.get(wh).floorEntry(end.minusMillis(1));
            assertThat(before).as("warehouse state before query end").isNotNull();
            assertThat(before.getValue()).as("clusters running when query " + q.values().get("statement_id") + " ends")
                    .isPositive();
        }
    }

    @Test
    void idleClusterWindowsShowLowCpuInTheNodeTimeline() {
        LabelledAnomaly idle = small.truth().anomalies(AnomalyKind.IDLE_CLUSTER).get(0);
        long minutes = 0;
        for (SourceRecord r : small.rows(SystemTable.NODE_TIMELINE)) {
            Map<String, Object> v = r.values();
            if (!idle.subject().id().equals(v.get("cluster_id"))) {
                continue;
            }
            Instant s = Instant.parse((String) v.get("start_time"));
            if (idle.window().contains(s)) {
                minutes++;
                assertThat((Double) v.get("cpu_user_percent") + (Double) v.get("cpu_system_percent")).isLessThan(5.0);
            }
        }
        assertThat(minutes).isGreaterThanOrEqualTo(idle.window().duration().toMinutes());
    }

    @Test
    void priceChangesInTheMiddleOfThePeriodAndOneSkuHasAPromotion() {
        List<SourceRecord> ap = small.rows(SystemTable.LIST_PRICES).stream()
                .filter(r -> "PREMIUM_ALL_PURPOSE_COMPUTE".equals(r.values().get("sku_name"))
                        && "AWS".equals(r.values().get("cloud"))).toList();
        assertThat(ap).hasSize(2);
        assertThat(ap.get(0).values().get("price_end_time")).isEqualTo(ap.get(1).values().get("price_start_time"))
                .isEqualTo("2025-01-08T00:00:00.000Z");
        assertThat(small.rows(SystemTable.LIST_PRICES)).anyMatch(r -> {
            Map<?, ?> p = (Map<?, ?>) r.values().get("pricing");
            return !p.get("default").equals(((Map<?, ?>) p.get("effective_list")).get("default"));
        });
    }

    @Test
    void correctionsRetractTheOriginalAndArriveLater() {
        Map<String, Map<String, Object>> byId = new HashMap<>();
        small.rows(SystemTable.BILLING_USAGE).forEach(r -> byId.put((String) r.values().get("record_id"), r.values()));
        List<CorrectionGroup> groups = small.truth().corrections();
        assertThat(groups).anyMatch(g -> g.restatementRecordId() == null).anyMatch(g -> g.restatementRecordId() != null);
        for (CorrectionGroup g : groups) {
            Map<String, Object> original = byId.get(g.originalRecordId());
            Map<String, Object> retraction = byId.get(g.retractionRecordId());
            assertThat(original.get("record_type")).isEqualTo("ORIGINAL");
            assertThat(retraction.get("record_type")).isEqualTo("RETRACTION");
            assertThat(new java.math.BigDecimal((String) retraction.get("usage_quantity")))
                    .isEqualByComparingTo(new java.math.BigDecimal((String) original.get("usage_quantity")).negate());
            for (String k : List.of("workspace_id", "sku_name", "usage_start_time", "usage_date", "usage_metadata",
                    "custom_tags")) {
                assertThat(retraction.get(k)).isEqualTo(original.get(k));
            }
            assertThat(LocalDate.parse((String) retraction.get("ingestion_date")))
                    .isAfter(LocalDate.parse((String) original.get("ingestion_date")));
            if (g.restatementRecordId() != null) {
                Map<String, Object> restatement = byId.get(g.restatementRecordId());
                assertThat(restatement.get("record_type")).isEqualTo("RESTATEMENT");
                assertThat(restatement.get("usage_date")).isEqualTo(original.get("usage_date"));
                assertThat(restatement.get("ingestion_date")).isEqualTo(retraction.get("ingestion_date"));
            }
        }
    }

    @Test
    void everyAnomalyKindIsLabelledInTheSmallProfileWithItsInsightType() {
        EnumSet<AnomalyKind> kinds = EnumSet.noneOf(AnomalyKind.class);
        for (LabelledAnomaly a : small.truth().anomalies()) {
            kinds.add(a.kind());
            assertThat(a.insightType()).isEqualTo(a.kind().insightType());
            assertThat(a.subject().workspaceId()).isNotNull();
            assertThat(a.window().start()).isBeforeOrEqualTo(a.window().end());
        }
        assertThat(kinds).containsExactlyInAnyOrder(AnomalyKind.values());
        assertThat(small.truth().anomalies()).extracting(LabelledAnomaly::insightType)
                .contains(InsightType.SPEND_ANOMALY, InsightType.IDLE_CLUSTER, InsightType.ZOMBIE_SERVING_ENDPOINT);
    }

    @Test
    void configurationChangesLabelTheSpendStepTheyCause() {
        List<LabelledAnomaly> shifts = small.truth().anomalies(AnomalyKind.SPEND_LEVEL_SHIFT);
        assertThat(shifts).extracting(a -> a.subject().kind()).contains(
                dev.lakesentry.api.insight.SubjectKind.SQL_WAREHOUSE, dev.lakesentry.api.insight.SubjectKind.CLUSTER);
        for (LabelledAnomaly a : shifts) {
            assertThat(a.insightType()).isEqualTo(InsightType.SPEND_ANOMALY);
            assertThat(a.details()).containsKeys("cause", "dailyCostBefore", "dailyCostAfter", "dailyIncrease");
            double before = Double.parseDouble(a.details().get("dailyCostBefore"));
            double after = Double.parseDouble(a.details().get("dailyCostAfter"));
            double increase = Double.parseDouble(a.details().get("dailyIncrease"));
            assertThat(after).as("a resource left running costs more: %s", a).isGreaterThan(before);
            assertThat(increase).isCloseTo(after - before, org.assertj.core.data.Offset.offset(0.011));
            assertThat(a.details().get("material")).isEqualTo(String.valueOf(increase >= 50));
            assertThat(Duration.between(a.window().start(), a.window().end()))
                    .isLessThanOrEqualTo(Duration.ofDays(14));
            assertThat(a.related()).extracting(r -> r.kind()).contains(dev.lakesentry.api.insight.SubjectKind.WORKSPACE,
                    dev.lakesentry.api.insight.SubjectKind.SKU, dev.lakesentry.api.insight.SubjectKind.TEAM);
        }
        // the change is labelled where the configuration history says it happened
        LabelledAnomaly warehouse = shifts.stream()
                .filter(a -> a.subject().kind() == dev.lakesentry.api.insight.SubjectKind.SQL_WAREHOUSE).findFirst()
                .orElseThrow();
        assertThat(small.rows(SystemTable.WAREHOUSES)).anySatisfy(r -> {
            assertThat(r.values().get("warehouse_id")).isEqualTo(warehouse.subject().id());
            assertThat(((Number) r.values().get("auto_stop_minutes")).longValue()).isZero();
        });
    }

    @Test
    void weeklyJobsRefreshInFullOnOneWeekdayAndLeaveEverythingElseAsItWas() {
        GeneratorConfig base = GeneratorConfig.small(42);
        GeneratedAccount weekly = AccountGenerator.generate(base.toBuilder()
                .behaviour(base.behaviour().toBuilder().weeklyJobs(1).build()).build());
        Set<Object> before = small.rows(SystemTable.JOBS).stream().map(r -> r.values().get("job_id"))
                .collect(Collectors.toSet());
        Set<Object> added = weekly.rows(SystemTable.JOBS).stream().map(r -> r.values().get("job_id"))
                .filter(id -> !before.contains(id)).collect(Collectors.toSet());
        assertThat(added).hasSize(base.workspaces());
        for (Object job : added) {
            Map<java.time.DayOfWeek, Double> dbus = new TreeMap<>();
            weekly.rows(SystemTable.BILLING_USAGE).stream()
                    .filter(r -> job.equals(((Map<?, ?>) r.values().get("usage_metadata")).get("job_id")))
                    .forEach(r -> dbus.merge(LocalDate.parse((String) r.values().get("usage_date")).getDayOfWeek(),
                            Double.parseDouble(String.valueOf(r.values().get("usage_quantity"))), Double::sum));
            assertThat(dbus).as("weekdays job %s is billed on", job).hasSize(7);
            double heaviest = dbus.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertThat(dbus.values()).as("one weekday is the full refresh").filteredOn(v -> v > heaviest / 4).hasSize(1);
        }
        assertThat(weekly.rows(SystemTable.QUERY_HISTORY)).isEqualTo(small.rows(SystemTable.QUERY_HISTORY));
        assertThat(weekly.truth().anomalies()).isEqualTo(small.truth().anomalies());
    }

    @Test
    void behaviourParametersChangeTheTruth() {
        GeneratorConfig base = GeneratorConfig.small(42);
        GeneratedAccount bigger = AccountGenerator.generate(base.toBuilder()
                .behaviour(base.behaviour().toBuilder().spikeFactor(10).failureRateJump(0.6).build()).build());
        assertThat(bigger.truth().anomalies(AnomalyKind.SUDDEN_SPEND_SPIKE).get(0).severity())
                .isEqualTo(Severity.CRITICAL);
        assertThat(bigger.truth().anomalies(AnomalyKind.FAILURE_RATE_JUMP).get(0).severity()).isEqualTo(Severity.HIGH);

        GeneratedAccount clean = AccountGenerator.generate(base.toBuilder()
                .behaviour(base.behaviour().toBuilder().injectAnomalies(false).build()).build());
        assertThat(clean.truth().anomalies()).isEmpty();
        assertThat(clean.rows(SystemTable.BILLING_USAGE)).isNotEmpty();
    }

    @Test
    void addingAnEntityKindDoesNotReshuffleTheOthers() {
        GeneratorConfig base = GeneratorConfig.small(42);
        GeneratedAccount more = AccountGenerator.generate(base.toBuilder().servingEndpoints(2).build());
        assertThat(more.rows(SystemTable.QUERY_HISTORY)).isEqualTo(small.rows(SystemTable.QUERY_HISTORY));
        assertThat(more.rows(SystemTable.NODE_TIMELINE)).isEqualTo(small.rows(SystemTable.NODE_TIMELINE));
    }

    @Test
    void truthJsonRoundTrips(@TempDir Path tmp) {
        Path file = tmp.resolve(TruthJson.FILE_NAME);
        TruthJson.write(small.truth(), file);
        assertThat(TruthJson.read(file)).isEqualTo(small.truth());
    }

    @Test
    void demoProfileStreamsInReasonableTimeWithEveryAnomalyKind() {
        Map<SystemTable, Long> counts = new EnumMap<>(SystemTable.class);
        Map<SystemTable, Set<String>> columns = new EnumMap<>(SystemTable.class);
        for (SystemTable t : SystemTable.values()) {
            columns.put(t, t.columns().stream().map(Column::name).collect(Collectors.toSet()));
        }
        long start = System.nanoTime();
        GroundTruth truth = AccountGenerator.generate(GeneratorConfig.demo(7), (t, r) -> {
            counts.merge(t, 1L, Long::sum);
            if (!r.values().keySet().equals(columns.get(t))) {
                throw new AssertionError(t.fullName() + " row has columns " + r.values().keySet());
            }
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(Duration.ofSeconds(60));
        assertThat(counts).hasSize(SystemTable.values().length);
        assertThat(truth.anomalies().stream().map(LabelledAnomaly::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(AnomalyKind.values());
        assertThat(truth.expectedCosts()).isNotEmpty();
        assertThat(truth.unpricedRows()).isPositive();
        assertThat(counts.get(SystemTable.BILLING_USAGE)).isEqualTo(truth.rowCounts().get("system.billing.usage"));
    }

    static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                MessageDigest md = sha256();
                out.put(f.getFileName().toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
