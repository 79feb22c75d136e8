package dev.lakesentry.store.jdbc.transform;

import dev.lakesentry.api.ledger.TeamMembership;
import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.store.LedgerBuilder;
import dev.lakesentry.api.store.LedgerScope;
import dev.lakesentry.api.store.LedgerStep;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.Json;
import dev.lakesentry.store.jdbc.internal.WriterSupport;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * The transformation stage's set-based SQL. Reference steps (workspaces, prices, node types, warehouse
 * versions, identities, cluster versions, warehouse uptime, work units) are small and are recomputed
 * whole for the account; dated steps (usage, runs, queries, utilisation, serving requests) recompute only
 * the scope's partitions. Every step reads the latest copy of each source row (highest extraction
 * sequence, then position in the push), so incremental runs and a rebuild produce the same rows.
 * Assembling a run from its slices and task slices is done in Java (merging compute id lists is something
 * SQL dialects disagree on); everything else is {@code INSERT … SELECT} in the database.
 *
 * @since 0.1.0
 */
public final class JdbcLedgerBuilder extends WriterSupport<LedgerBuilder> implements LedgerBuilder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcLedgerBuilder.class);
    /** Usage is priced in this currency (Databricks list prices are USD). */
    static final String CURRENCY = "USD";

    private final Binds b;

    /** A builder over the store's pool; use {@code JdbcStore.ledgerBuilder()}. */
    public JdbcLedgerBuilder(Db db) {
        this(db, null);
    }

    private JdbcLedgerBuilder(Db db, Handle bound) {
        super(db, bound);
        this.b = new Binds(db.dialect());
    }

    @Override
    protected LedgerBuilder bindTo(Handle handle) {
        return new JdbcLedgerBuilder(db, handle);
    }

    private String sql(String name) {
        return db.sql(JdbcLedgerBuilder.class, name);
    }

    @Override
    public long run(LedgerStep step, LedgerScope scope) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(scope, "scope");
        String account = scope.accountId();
        return write("ledger_" + step.name().toLowerCase(Locale.ROOT), account, h -> switch (step) {
            case REFERENCE -> reference(h, account);
            case IDENTITIES -> identities(h, scope);
            case CLUSTERS -> replaceAll(h, account, List.of(new Part("cluster_version", "build_cluster_versions")));
            case WAREHOUSE_UPTIME -> replaceAll(h, account, List.of(new Part("warehouse_uptime", "build_warehouse_uptime")));
            case WORK_UNITS -> {
                h.createUpdate(sql("delete_work_unit_by_account")).bind("account_id", account).execute();
                long n = 0;
                for (String part : List.of("jobs", "pipelines", "warehouses", "endpoints", "clusters")) {
                    n += h.createUpdate(sql("build_work_units_" + part)).bind("account_id", account).execute();
                }
                yield n;
            }
            case RUNS -> runs(h, scope);
            case USAGE -> usage(h, scope);
            case QUERIES -> perPartition(h, scope, "delete_query_in_range", "build_queries");
            case UTILISATION -> perPartition(h, scope, "delete_hourly_utilisation_in_range", "build_utilisation");
            case SERVING_REQUESTS -> perPartition(h, scope, "delete_serving_daily_requests_in_range", "build_serving_requests");
        });
    }

    private record Part(String entity, String build) {
    }

    /** The first step of every run: fresh planner statistics where imports made them stale, then reference data. */
    private long reference(Handle h, String account) throws java.sql.SQLException {
        List<String> analysed = db.dialect().refreshRawStatistics(h.getConnection());
        if (!analysed.isEmpty()) {
            LOG.info("Refreshed planner statistics of {} raw table(s) changed by bulk loads: {}", analysed.size(), analysed);
        }
        return replaceAll(h, account, List.of(
                new Part("workspace", "build_workspaces"),
                new Part("sku_price", "build_sku_prices"),
                new Part("node_type", "build_node_types"),
                new Part("warehouse_version", "build_warehouse_versions")));
    }

    private long replaceAll(Handle h, String account, List<Part> parts) {
        long n = 0;
        for (Part p : parts) {
            h.createUpdate(sql("delete_" + p.entity() + "_by_account")).bind("account_id", account).execute();
            n += h.createUpdate(sql(p.build())).bind("account_id", account).execute();
        }
        return n;
    }

    private long perPartition(Handle h, LedgerScope scope, String delete, String build) {
        long n = 0;
        for (Partition p : scope.partitions()) {
            h.createUpdate(sql(delete)).bindMap(bounds(p)).execute();
            n += h.createUpdate(sql(build)).bindMap(bounds(p)).execute();
        }
        return n;
    }

    private Map<String, Object> bounds(Partition p) {
        return b.partition(p);
    }

    private long identities(Handle h, LedgerScope scope) {
        String account = scope.accountId();
        h.createUpdate(sql("delete_team_membership_by_account")).bind("account_id", account).execute();
        List<TeamMembership> memberships = scope.memberships();
        if (!memberships.isEmpty()) {
            var batch = h.prepareBatch(sql("insert_team_membership"));
            for (int i = 0; i < memberships.size(); i++) {
                TeamMembership m = memberships.get(i);
                boolean exact = !m.isPattern();
                batch.bind("account_id", account).bind("position_no", i).bind("exact_match", exact)
                        .bind("principal_lower", exact ? m.principalOrPattern().toLowerCase(Locale.ROOT) : null)
                        .bind("like_pattern", exact ? null : likePattern(m.principalOrPattern()))
                        .bind("team", m.team()).add();
            }
            batch.execute();
        }
        h.createUpdate(sql("delete_identity_by_account")).bind("account_id", account).execute();
        return h.createUpdate(sql("build_identities")).bind("account_id", account).execute();
    }

    /** A glob ({@code *}, {@code ?}) as a lower-case LIKE pattern with {@code !} as the escape character. */
    static String likePattern(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> sb.append('%');
                case '?' -> sb.append('_');
                case '%', '_', '!' -> sb.append('!').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private long usage(Handle h, LedgerScope scope) {
        String account = scope.accountId();
        long n = 0;
        for (Partition p : scope.partitions()) {
            h.createUpdate(sql("delete_usage_line_item_in_range")).bindMap(bounds(p)).execute();
            n += h.createUpdate(sql("build_usage")).bindMap(bounds(p)).bind("currency", CURRENCY).execute();
        }
        LocalDate cutoff = LocalDate.ofInstant(scope.asOf().minus(scope.correctionHorizon()), ZoneOffset.UTC);
        List<LocalDate> late = h.createQuery(sql("select_days_ingested_after")).bind("account_id", account)
                .bind("cutoff_day", b.date(cutoff)).map((rs, ctx) -> db.dialect().getDate(rs, "usage_date")).list();
        if (late.isEmpty()) {
            h.createUpdate(sql("mark_all_final")).bind("account_id", account).execute();
            return n;
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < late.size(); i++) {
            names.append(i == 0 ? ":d" : ", :d").append(i);
        }
        for (String statement : List.of("mark_provisional", "mark_final")) {
            var update = h.createUpdate(sql(statement).replace("<days>", names)).bind("account_id", account);
            for (int i = 0; i < late.size(); i++) {
                update.bind("d" + i, b.date(late.get(i)));
            }
            update.execute();
        }
        return n;
    }

    /** One slice of a job run, as read from the run timeline. */
    private record Slice(String workspaceId, String jobId, String runId, Instant start, Instant end, String trigger,
                         String result, String computeIds) {
    }

    private long runs(Handle h, LedgerScope scope) throws SQLException {
        long n = 0;
        for (Partition p : scope.partitions()) {
            Map<String, Object> bounds = bounds(p);
            List<Slice> slices = h.createQuery(sql("select_run_slices")).bindMap(bounds)
                    .map((rs, ctx) -> new Slice(rs.getString("workspace_id"), rs.getString("job_id"), rs.getString("run_id"),
                            b.ts(rs, "period_start_time"), b.ts(rs, "period_end_time"), rs.getString("trigger_type"),
                            rs.getString("result_state"), rs.getString("compute_ids_json")))
                    .list();
            Map<String, TreeSet<String>> taskCompute = new TreeMap<>();
            // Per run: per task key, the distinct task runs (retries); grouped by run so that looking a run up is
            // a map access (a scan over every task of the partition per run was quadratic on large accounts).
            Map<String, Map<String, java.util.Set<String>>> taskRuns = new java.util.HashMap<>();
            h.createQuery(sql("select_task_slices")).bindMap(bounds).map((rs, ctx) -> {
                String key = rs.getString("workspace_id") + "\u0000" + rs.getString("job_run_id");
                String ids = rs.getString("compute_ids_json");
                if (ids != null) {
                    taskCompute.computeIfAbsent(key, k -> new TreeSet<>()).addAll(Json.parseStringList(ids));
                }
                String taskKey = rs.getString("task_key");
                String taskRun = rs.getString("run_id");
                taskRuns.computeIfAbsent(key, k -> new java.util.HashMap<>())
                        .computeIfAbsent(taskKey == null ? "" : taskKey, k -> new java.util.HashSet<>()).add(taskRun);
                return 0;
            }).list();
            h.createUpdate(sql("delete_runs_touched")).bindMap(bounds).execute();
            Map<String, List<Slice>> byRun = new LinkedHashMap<>();
            for (Slice s : slices) {
                byRun.computeIfAbsent(s.workspaceId() + "\u0000" + s.runId(), k -> new ArrayList<>()).add(s);
            }
            if (byRun.isEmpty()) {
                continue;
            }
            var batch = h.prepareBatch(db.sql(JdbcLedgerWriter.class, "insert_work_unit_run"));
            for (Map.Entry<String, List<Slice>> e : byRun.entrySet()) {
                List<Slice> run = e.getValue();
                Slice first = run.get(0);
                Instant start = run.stream().map(Slice::start).min(Instant::compareTo).orElseThrow();
                Instant end = run.stream().map(Slice::end).max(Instant::compareTo).orElseThrow();
                String result = null;
                String trigger = null;
                TreeSet<String> compute = new TreeSet<>(taskCompute.getOrDefault(e.getKey(), new TreeSet<>()));
                for (Slice s : run) {
                    if (s.result() != null) {
                        result = s.result();
                    }
                    if (trigger == null && s.trigger() != null) {
                        trigger = s.trigger();
                    }
                    if (s.computeIds() != null) {
                        compute.addAll(Json.parseStringList(s.computeIds()));
                    }
                }
                int attempt = 1;
                for (java.util.Set<String> runsOfTask : taskRuns.getOrDefault(e.getKey(), Map.of()).values()) {
                    attempt = Math.max(attempt, runsOfTask.size());
                }
                batch.bind("account_id", scope.accountId())
                        .bind("work_unit_type", "JOB")
                        .bind("workspace_id", first.workspaceId())
                        .bind("external_id", first.jobId())
                        .bind("run_id", first.runId())
                        .bind("start_time", b.ts(start))
                        .bind("end_time", b.ts(end.isBefore(start) ? start : end))
                        .bind("result_state", result)
                        .bind("trigger_type", trigger)
                        .bind("attempt", attempt)
                        .bind("compute_ids_json", dev.lakesentry.api.push.CanonicalRecords.canonicalJson(List.copyOf(compute)))
                        .add();
                n++;
            }
            batch.execute();
        }
        return n;
    }

    @Override
    public void truncate(String accountId) {
        write("ledger_*", accountId, h -> {
            for (String entity : List.of("usage_line_item", "work_unit_run", "warehouse_uptime", "query", "hourly_utilisation",
                    "serving_daily_requests", "workspace", "warehouse_version", "sku_price", "node_type", "identity",
                    "cluster_version", "work_unit", "team_membership")) {
                h.createUpdate(sql("delete_" + entity + "_by_account")).bind("account_id", accountId).execute();
            }
            h.createUpdate(sql("delete_build_mark")).bind("account_id", accountId).execute();
            return null;
        });
    }

    @Override
    public void markBuiltThrough(String accountId, long sequence) {
        write("ledger_build_mark", accountId, h -> {
            h.createUpdate(sql("delete_build_mark")).bind("account_id", accountId).execute();
            return h.createUpdate(sql("insert_build_mark")).bind("account_id", accountId).bind("extraction_seq", sequence)
                    .execute();
        });
    }
}
