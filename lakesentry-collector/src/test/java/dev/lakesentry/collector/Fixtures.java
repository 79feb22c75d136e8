package dev.lakesentry.collector;

import dev.lakesentry.api.push.CanonicalRecords;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Small realistic system-table rows, in exactly the columns of {@link SystemTable#columns()} and in the
 * value forms the collector produces (timestamps as ISO text with milliseconds, decimals as text with
 * scale 18, doubles as BigDecimal), so what lands can be compared with them as canonical JSON.
 */
final class Fixtures {
    static final String ACCOUNT = "0722779a-fd4e-49c1-a7a6-8417a97cf9ea";
    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Fixtures() {
    }

    static String ts(Instant t) {
        return TS.format(t);
    }

    static String dec(String v) {
        return new BigDecimal(v).setScale(18).toPlainString();
    }

    /** Account-wide and regional rows of one region: a few hundred rows in all. */
    static Map<SystemTable, List<SourceRecord>> region(String region, String workspaceId) {
        Map<SystemTable, List<SourceRecord>> m = new EnumMap<>(SystemTable.class);
        m.put(SystemTable.BILLING_USAGE, usage("u", workspaceId, LocalDate.parse("2025-03-01"), 9, 12));
        m.put(SystemTable.LIST_PRICES, listPrices());
        m.put(SystemTable.WORKSPACES_LATEST, workspaces());
        m.put(SystemTable.CLUSTERS, clusters(region, workspaceId, 12));
        m.put(SystemTable.NODE_TYPES, nodeTypes());
        m.put(SystemTable.NODE_TIMELINE, nodeTimeline(region, workspaceId, Instant.parse("2025-03-09T20:00:00Z"), 30));
        m.put(SystemTable.WAREHOUSE_EVENTS, warehouseEvents(workspaceId, Instant.parse("2025-03-08T00:00:00Z"), 40));
        m.put(SystemTable.JOB_RUN_TIMELINE, jobRuns(region, workspaceId, Instant.parse("2025-03-09T00:00:00Z"), 30));
        m.put(SystemTable.QUERY_HISTORY, queries(region, workspaceId, Instant.parse("2025-03-09T06:00:00Z"), 0, 50));
        return m;
    }

    /** {@code perDay} usage rows per day for {@code days} days from {@code first}, ingested the same day. */
    static List<SourceRecord> usage(String prefix, String workspaceId, LocalDate first, int days, int perDay) {
        List<SourceRecord> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            for (int h = 0; h < perDay; h++) {
                Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * h);
                out.add(usageRow(String.format("%s-%s-%02d", prefix, day, h), workspaceId, start,
                        dec(String.valueOf(1.25 + h * 0.5)), "ORIGINAL", day, h % 3 == 0));
            }
        }
        return out;
    }

    static SourceRecord usageRow(String recordId, String workspaceId, Instant start, String quantity, String type,
                                 LocalDate ingestionDate, boolean serverless) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("record_id", recordId);
        r.put("account_id", ACCOUNT);
        r.put("workspace_id", workspaceId);
        r.put("sku_name", serverless ? "PREMIUM_SERVERLESS_SQL_COMPUTE_US_EAST_N_VIRGINIA" : "PREMIUM_JOBS_COMPUTE");
        r.put("cloud", "AWS");
        r.put("usage_start_time", ts(start));
        r.put("usage_end_time", ts(start.plusSeconds(3600)));
        r.put("usage_date", start.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        r.put("custom_tags", serverless ? Map.of() : Map.of("team", "data-eng", "env", "prod"));
        r.put("usage_unit", "DBU");
        r.put("usage_quantity", quantity);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("cluster_id", serverless ? null : "0304-095812-abcd1234");
        meta.put("job_id", serverless ? null : "837261947261");
        meta.put("warehouse_id", serverless ? "ec58ee3772e8d305" : null);
        meta.put("node_type", serverless ? null : "i3.xlarge");
        r.put("usage_metadata", meta);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("run_as", serverless ? null : "svc-etl@example.com");
        identity.put("owned_by", serverless ? "analyst@example.com" : null);
        r.put("identity_metadata", identity);
        r.put("record_type", type);
        r.put("ingestion_date", ingestionDate.toString());
        r.put("billing_origin_product", serverless ? "SQL" : "JOBS");
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("is_serverless", serverless);
        features.put("is_photon", serverless);
        features.put(serverless ? "sql_tier" : "jobs_tier", serverless ? "PRO" : "CLASSIC");
        r.put("product_features", features);
        r.put("usage_type", "COMPUTE_TIME");
        return SourceRecord.of(r);
    }

    static List<SourceRecord> listPrices() {
        List<SourceRecord> out = new ArrayList<>();
        out.add(price("PREMIUM_JOBS_COMPUTE", "2023-01-01T00:00:00.000Z", null, "0.15", null, "0.15"));
        out.add(price("PREMIUM_SERVERLESS_SQL_COMPUTE_US_EAST_N_VIRGINIA", "2022-05-12T00:00:00.000Z", null, "0.70", null, "0.70"));
        out.add(price("PREMIUM_JOBS_SERVERLESS_COMPUTE_US_EAST_N_VIRGINIA", "2024-06-01T00:00:00.000Z",
                "2025-02-01T00:00:00.000Z", "0.45", "0.35", "0.35"));
        return out;
    }

    private static SourceRecord price(String sku, String start, String end, String def, String promo, String effective) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("price_start_time", start);
        r.put("price_end_time", end);
        r.put("account_id", ACCOUNT);
        r.put("sku_name", sku);
        r.put("cloud", "AWS");
        r.put("currency_code", "USD");
        r.put("usage_unit", "DBU");
        Map<String, Object> promotional = new HashMap<>();
        promotional.put("default", promo);
        r.put("pricing", Map.of("default", def, "promotional", promotional, "effective_list", Map.of("default", effective)));
        return SourceRecord.of(r);
    }

    static List<SourceRecord> workspaces() {
        return List.of(workspace("1234567890123456", "prod-us-east", "RUNNING"),
                workspace("6543210987654321", "prod-eu-west", "RUNNING"));
    }

    private static SourceRecord workspace(String id, String name, String status) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("account_id", ACCOUNT);
        r.put("workspace_id", id);
        r.put("workspace_name", name);
        r.put("workspace_url", "https://" + name + ".cloud.databricks.com");
        r.put("create_time", "2024-01-15T09:30:00.000Z");
        r.put("status", status);
        return SourceRecord.of(r);
    }

    static List<SourceRecord> clusters(String region, String workspaceId, int n) {
        List<SourceRecord> out = new ArrayList<>();
        Instant base = Instant.parse("2025-03-01T08:00:00Z");
        for (int i = 0; i < n; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            boolean autoscale = i % 2 == 0;
            r.put("account_id", ACCOUNT);
            r.put("workspace_id", workspaceId);
            r.put("cluster_id", String.format("0301-%s-%04d", region, i / 2));
            r.put("cluster_name", "shared-analytics-" + (i / 2));
            r.put("owned_by", "lead@example.com");
            r.put("create_time", ts(base.plusSeconds(3600L * (i / 2))));
            r.put("delete_time", null);
            r.put("driver_node_type", "i3.xlarge");
            r.put("worker_node_type", "i3.xlarge");
            r.put("worker_count", autoscale ? null : 4L);
            r.put("min_autoscale_workers", autoscale ? 2L : null);
            r.put("max_autoscale_workers", autoscale ? 12L - i % 4 : null);
            r.put("auto_termination_minutes", i % 3 == 0 ? 0L : 60L);
            r.put("enable_elastic_disk", i % 2 == 1);
            r.put("tags", Map.of("team", "analytics"));
            r.put("cluster_source", i % 4 == 0 ? "JOB" : "UI");
            r.put("init_scripts", i % 5 == 0 ? List.of(Map.of("workspace", Map.of("destination", "/init.sh"))) : List.of());
            r.put("aws_attributes", Map.of("first_on_demand", 1L, "availability", "SPOT_WITH_FALLBACK"));
            r.put("azure_attributes", null);
            r.put("gcp_attributes", null);
            r.put("driver_instance_pool_id", null);
            r.put("worker_instance_pool_id", null);
            r.put("dbr_version", "15.4.x-scala2.12");
            Instant change = base.plusSeconds(3600L * (i / 2) + 600L * (i % 2));
            r.put("change_time", ts(change));
            r.put("change_date", change.atOffset(ZoneOffset.UTC).toLocalDate().toString());
            out.add(SourceRecord.of(r));
        }
        return out;
    }

    static List<SourceRecord> nodeTypes() {
        List<SourceRecord> out = new ArrayList<>();
        String[][] types = {{"i3.xlarge", "4", "31232", "0"}, {"i3.2xlarge", "8", "62464", "0"}, {"g5.xlarge", "4", "16384", "1"}};
        for (String[] t : types) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("account_id", ACCOUNT);
            r.put("node_type", t[0]);
            r.put("core_count", new BigDecimal(t[1]));
            r.put("memory_mb", Long.parseLong(t[2]));
            r.put("gpu_count", Long.parseLong(t[3]));
            out.add(SourceRecord.of(r));
        }
        return out;
    }

    static List<SourceRecord> nodeTimeline(String region, String workspaceId, Instant from, int minutes) {
        List<SourceRecord> out = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            for (int node = 0; node < 2; node++) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("account_id", ACCOUNT);
                r.put("workspace_id", workspaceId);
                r.put("cluster_id", "0301-" + region + "-0000");
                r.put("instance_id", "i-0a1b2c3d4e5f6071" + node);
                r.put("start_time", ts(from.plusSeconds(60L * m)));
                r.put("end_time", ts(from.plusSeconds(60L * m + 60)));
                r.put("driver", node == 0);
                r.put("cpu_user_percent", new BigDecimal(String.format("%d.%02d", 5 + m % 40, (m * 7) % 100)));
                r.put("cpu_system_percent", new BigDecimal("1.02"));
                r.put("cpu_wait_percent", new BigDecimal("0.03"));
                r.put("mem_used_percent", new BigDecimal("38.7"));
                r.put("mem_swap_percent", BigDecimal.ZERO);
                r.put("network_sent_bytes", 517376L + m);
                r.put("network_received_bytes", 179234L * (m + 1));
                r.put("disk_free_bytes_per_mount_point", Map.of("/", 91234567890L, "/local_disk0", 812345678901L));
                r.put("node_type", "i3.xlarge");
                out.add(SourceRecord.of(r));
            }
        }
        return out;
    }

    static List<SourceRecord> warehouseEvents(String workspaceId, Instant from, int n) {
        String[] types = {"STARTING", "RUNNING", "SCALED_UP", "SCALED_DOWN", "STOPPING", "STOPPED"};
        List<SourceRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("account_id", ACCOUNT);
            r.put("workspace_id", workspaceId);
            r.put("warehouse_id", "ec58ee3772e8d30" + (i % 2));
            r.put("event_type", types[i % types.length]);
            r.put("cluster_count", (long) (i % types.length == 5 ? 0 : 1 + i % 3));
            r.put("event_time", ts(from.plusSeconds(1800L * i + 331)));
            out.add(SourceRecord.of(r));
        }
        return out;
    }

    static List<SourceRecord> jobRuns(String region, String workspaceId, Instant from, int n) {
        List<SourceRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean last = i % 2 == 1;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("account_id", ACCOUNT);
            r.put("workspace_id", workspaceId);
            r.put("job_id", "8372619472" + (i % 3));
            r.put("run_id", region + "-run-" + (i / 2));
            Instant start = from.plusSeconds(3600L * i);
            r.put("period_start_time", ts(start));
            r.put("period_end_time", ts(start.plusSeconds(last ? 1367 : 3600)));
            r.put("trigger_type", "CRON");
            r.put("run_type", "JOB_RUN");
            r.put("run_name", "nightly_orders_etl");
            r.put("compute_ids", List.of("0301-" + region + "-0000"));
            r.put("result_state", last ? (i % 4 == 3 ? "FAILED" : "SUCCEEDED") : null);
            r.put("termination_code", last ? (i % 4 == 3 ? "RUN_EXECUTION_ERROR" : "SUCCESS") : null);
            r.put("job_parameters", Map.of("run_date", start.atOffset(ZoneOffset.UTC).toLocalDate().toString()));
            out.add(SourceRecord.of(r));
        }
        return out;
    }

    static List<SourceRecord> queries(String region, String workspaceId, Instant from, int first, int n) {
        List<SourceRecord> out = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            boolean failed = i % 7 == 3;
            r.put("account_id", ACCOUNT);
            r.put("workspace_id", workspaceId);
            r.put("statement_id", String.format("01efa1b2-%s-%06d", region, i));
            r.put("session_id", "sess-" + (i % 4));
            r.put("execution_status", failed ? "FAILED" : "FINISHED");
            Map<String, Object> compute = new LinkedHashMap<>();
            compute.put("type", "WAREHOUSE");
            compute.put("cluster_id", null);
            compute.put("warehouse_id", "ec58ee3772e8d305");
            r.put("compute", compute);
            r.put("executed_by_user_id", "4711");
            r.put("executed_by", "analyst@example.com");
            r.put("statement_text", "SELECT region, sum(amount) FROM sales.orders WHERE note = 'it''s \"quoted\"'\nGROUP BY region -- " + i);
            r.put("statement_type", "SELECT");
            r.put("error_message", failed ? "[TABLE_OR_VIEW_NOT_FOUND] The table `sales`.`order_items` cannot be found." : null);
            r.put("client_application", "Databricks SQL Editor");
            r.put("client_driver", null);
            Instant start = from.plusSeconds(600L * i);
            long duration = 4312L + 97L * i;
            r.put("total_duration_ms", duration);
            r.put("waiting_for_compute_duration_ms", 0L);
            r.put("waiting_at_capacity_duration_ms", 120L);
            r.put("execution_duration_ms", duration - 422);
            r.put("compilation_duration_ms", 302L);
            r.put("total_task_duration_ms", 28011L + i);
            r.put("result_fetch_duration_ms", 10L);
            r.put("start_time", ts(start.plusMillis(114)));
            r.put("end_time", ts(start.plusMillis(114 + duration)));
            r.put("update_time", ts(start.plusMillis(200 + duration)));
            r.put("read_partitions", 3L);
            r.put("pruned_files", 140L);
            r.put("read_files", 36L);
            r.put("read_rows", 18400231L + i);
            r.put("produced_rows", 7L);
            r.put("read_bytes", 734003200L);
            r.put("spilled_local_bytes", 0L);
            r.put("written_bytes", 0L);
            r.put("shuffle_read_bytes", 1048576L);
            r.put("read_io_cache_percent", 62L);
            r.put("from_result_cache", i % 5 == 0);
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("job_info", i % 3 == 0 ? Map.of("job_id", "837261947261", "job_run_id", "55123987654321") : null);
            source.put("dashboard_id", null);
            r.put("query_source", source);
            r.put("executed_as", "analyst@example.com");
            r.put("executed_as_user_id", "4711");
            out.add(SourceRecord.of(r));
        }
        return out;
    }

    /** The canonical JSON of each record, as a sorted set. */
    static TreeSet<String> canonical(Collection<SourceRecord> records) {
        TreeSet<String> out = new TreeSet<>();
        records.forEach(r -> out.add(CanonicalRecords.canonicalJson(r.values())));
        return out;
    }
}
