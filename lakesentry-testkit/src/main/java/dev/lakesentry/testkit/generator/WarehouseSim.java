package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.push.SystemTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SQL warehouse: queries arrive in business hours (and a daily dashboard refresh), the warehouse
 * starts on the first query, scales up in busy hours and stops {@code auto_stop_minutes} after the
 * last query. Events, query history and billing all follow from the same sessions, so every query
 * falls within uptime. The injected idle warehouse has auto-stop switched off part-way through.
 */
final class WarehouseSim {
    private record Query(long submitMs, long startMs, long endMs, long durationMs, long waitMs) {
    }

    private record Event(long ms, String type, int clusters) {
    }

    private static final List<String> SIZES = List.of("2X_SMALL", "X_SMALL", "SMALL", "MEDIUM");
    private static final List<Integer> SIZE_DBU = List.of(4, 6, 12, 24);
    private static final List<String> TABLES = List.of("sales.orders", "sales.order_items", "crm.customers",
            "finance.ledger", "marketing.campaigns", "web.sessions", "ops.inventory", "ml.features");
    private static final List<String> CLIENTS = List.of("Databricks SQL Editor", "Databricks SQL Dashboard",
            "Tableau", "PowerBI", "Databricks SQL Dashboard");

    private final Ctx ctx;
    private final Ws ws;
    private final Billing billing;
    private final boolean idleRole;
    private final Rng rng;
    final String warehouseId;
    private final String name;
    private final String team;
    private final boolean tagged;
    private final Map<String, String> tags;
    private final String owner;
    private final boolean serverless;
    private final int sizeIndex;
    private final int maxClusters;
    private final int autoStop;
    private final Instant created;
    private final long changeMs;
    private long lastStopped = -1_000_000;

    WarehouseSim(Ctx ctx, Ws ws, Billing billing, int index, boolean idleRole) {
        this.ctx = ctx;
        this.ws = ws;
        this.billing = billing;
        this.idleRole = idleRole && ctx.b.injectAnomalies();
        this.rng = ws.rng.child("warehouse/" + index);
        Rng r = rng.child("spec");
        this.warehouseId = r.hex(16);
        this.team = r.pick(ctx.b.teams());
        this.tagged = r.chance(ctx.b.taggedShare());
        this.tags = ctx.tags(r, team, ws.env, tagged);
        this.owner = r.pick(ctx.users(team));
        this.name = index == 0 ? "bi-dashboards" : team + "-sql-" + index;
        this.serverless = index % 2 == 0;
        this.sizeIndex = r.intBetween(1, 3);
        this.maxClusters = r.intBetween(2, 3);
        this.autoStop = serverless ? 10 : r.pick(List.of(15, 20, 30));
        this.created = ctx.start.minusSeconds(86_400L * r.intBetween(20, 400) + r.intBetween(0, 86_399));
        this.changeMs = this.idleRole ? ((long) Math.round(ctx.cfg.days() * 0.65) * 1440 + 15 * 60
                + r.intBetween(0, 120)) * 60_000L : -1;
    }

    void run() {
        emitVersion(created, autoStop);
        if (idleRole) {
            emitVersion(ctx.start.plusMillis(changeMs), 0);
        }
        ctx.entity(SubjectKind.SQL_WAREHOUSE, warehouseId, ws.id, name, team, tagged);
        List<Query> queries = new ArrayList<>();
        List<long[]> sessions = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        simulate(queries, sessions, events);
        Rng qr = rng.child("queries");
        for (Query q : queries) {
            emitQuery(qr, q);
        }
        for (Event e : events) {
            ctx.emit(Row.of(SystemTable.WAREHOUSE_EVENTS)
                    .set("account_id", ctx.accountId)
                    .set("workspace_id", ws.id)
                    .set("warehouse_id", warehouseId)
                    .set("event_type", e.type)
                    .set("cluster_count", e.clusters)
                    .set("event_time", Fmt.ts(ctx.start.plusMillis(e.ms))));
        }
        emitBilling(events);
        labelIdle(queries, sessions);
    }

    private void emitVersion(Instant change, int stop) {
        ctx.emit(Row.of(SystemTable.WAREHOUSES)
                .set("warehouse_id", warehouseId)
                .set("workspace_id", ws.id)
                .set("account_id", ctx.accountId)
                .set("warehouse_name", name)
                .set("warehouse_type", serverless ? "SERVERLESS" : "PRO")
                .set("warehouse_channel", "CURRENT")
                .set("warehouse_size", SIZES.get(sizeIndex))
                .set("min_clusters", 1)
                .set("max_clusters", maxClusters)
                .set("auto_stop_minutes", stop)
                .set("tags", tags)
                .set("change_time", Fmt.ts(change)));
    }

    private long autoStopMs(long atMs) {
        return idleRole && atMs >= changeMs ? Long.MAX_VALUE / 4 : autoStop * 60_000L;
    }

    private void simulate(List<Query> queries, List<long[]> sessions, List<Event> events) {
        Behaviour b = ctx.b;
        List<long[]> submits = new ArrayList<>(); // {submitMs, durationMs}
        for (int d = 0; d < ctx.cfg.days(); d++) {
            Rng r = rng.child("day/" + d);
            boolean weekday = ctx.cfg.start().plusDays(d).getDayOfWeek().getValue() <= 5;
            double dayFactor = (weekday ? 1.0 : 0.5 * (1 - b.seasonalityStrength())) * r.lognormal(b.noise());
            long dayMs = d * 86_400_000L;
            int refresh = 3 + r.intBetween(0, 2);
            for (int k = 0; k < refresh; k++) {
                submits.add(new long[] {dayMs + 6 * 3_600_000L + r.intBetween(0, 300_000), duration(r)});
            }
            for (int h = 7; h <= 18; h++) {
                double shape = (h >= 8 && h < 18) ? 1.0 : 0.35;
                int n = r.poisson(b.queriesPerBusinessHour() * shape * dayFactor);
                for (int k = 0; k < n; k++) {
                    submits.add(new long[] {dayMs + h * 3_600_000L + r.intBetween(0, 3_599_999), duration(r)});
                }
            }
        }
        submits.sort((a, c) -> Long.compare(a[0], c[0]));
        long periodMs = ctx.cfg.days() * 86_400_000L;
        Rng r = rng.child("sessions");
        long sessionStart = -1;
        long running = 0;
        long lastEnd = 0;
        List<Query> inSession = new ArrayList<>();
        for (long[] s : submits) {
            if (sessionStart >= 0 && s[0] > lastEnd + autoStopMs(lastEnd)) {
                closeSession(r, sessionStart, running, lastEnd, inSession, sessions, events, periodMs);
                queries.addAll(inSession);
                inSession.clear();
                sessionStart = -1;
            }
            if (sessionStart < 0) {
                sessionStart = Math.max(s[0], lastStopped + 1_000);
                running = sessionStart + (serverless ? r.intBetween(3_000, 12_000) : r.intBetween(150_000, 290_000));
                lastEnd = running;
            }
            long startMs = Math.max(s[0], running);
            long endMs = startMs + s[1];
            inSession.add(new Query(s[0], startMs, endMs, s[1], startMs - s[0]));
            lastEnd = Math.max(lastEnd, endMs);
        }
        if (sessionStart >= 0) {
            closeSession(r, sessionStart, running, lastEnd, inSession, sessions, events, periodMs);
            queries.addAll(inSession);
        }
    }

    private void closeSession(Rng r, long start, long running, long lastEnd, List<Query> qs, List<long[]> sessions,
                              List<Event> events, long periodMs) {
        long stop = lastEnd + autoStopMs(lastEnd);
        boolean stops = stop < periodMs;
        long end = stops ? stop : periodMs;
        sessions.add(new long[] {running, end});
        events.add(new Event(start, "STARTING", 0));
        events.add(new Event(running, "RUNNING", 1));
        if (maxClusters >= 2) {
            double threshold = Math.max(4, ctx.b.queriesPerBusinessHour() * 1.3);
            long firstHour = running / 3_600_000L;
            for (long h = firstHour; h * 3_600_000L < end; h++) {
                long hs = h * 3_600_000L;
                long count = qs.stream().filter(q -> q.submitMs >= hs && q.submitMs < hs + 3_600_000L).count();
                long up = Math.max(hs, running) + r.intBetween(120_000, 360_000);
                long down = hs + r.intBetween(3_000_000, 3_480_000);
                if (count >= threshold && up < down && down < end) {
                    events.add(new Event(up, "SCALED_UP", 2));
                    events.add(new Event(down, "SCALED_DOWN", 1));
                }
            }
        }
        if (stops) {
            events.add(new Event(stop, "STOPPING", 0));
            lastStopped = stop + r.intBetween(5_000, 25_000);
            events.add(new Event(lastStopped, "STOPPED", 0));
        }
    }

    private static long duration(Rng r) {
        return Math.min(600_000L, Math.max(120L, (long) (1800 * StrictMath.exp(1.2 * r.gaussian()))));
    }

    private void emitQuery(Rng r, Query q) {
        String user = r.pick(ctx.users(team));
        String table = r.pick(TABLES);
        double kind = r.unit();
        String type = kind < 0.85 ? "SELECT" : kind < 0.95 ? "INSERT" : "MERGE";
        String text = switch (type) {
            case "SELECT" -> "SELECT region, date_trunc('day', ts) AS d, sum(amount) FROM " + table
                    + " WHERE ts >= current_date() - INTERVAL 7 DAYS GROUP BY ALL";
            case "INSERT" -> "INSERT INTO " + table + "_daily SELECT * FROM " + table + " WHERE d = current_date()";
            default -> "MERGE INTO " + table + " t USING staging.updates s ON t.id = s.id WHEN MATCHED THEN UPDATE SET *";
        };
        double outcome = r.unit();
        String status = outcome < 0.96 ? "FINISHED" : outcome < 0.985 ? "FAILED" : "CANCELED";
        long compile = Math.min(q.durationMs / 3, 40 + r.intBetween(0, 400));
        long fetch = Math.min(q.durationMs / 5, r.intBetween(0, 200));
        long exec = q.durationMs - compile - fetch;
        boolean cached = "SELECT".equals(type) && r.chance(0.08);
        long rows = (long) (q.durationMs * r.between(500, 20_000));
        String client = r.pick(CLIENTS);
        Map<String, Object> compute = new LinkedHashMap<>();
        compute.put("type", "WAREHOUSE");
        compute.put("cluster_id", null);
        compute.put("warehouse_id", warehouseId);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("job_info", null);
        source.put("dashboard_id", client.contains("Dashboard") ? r.hex(32) : null);
        source.put("legacy_dashboard_id", null);
        source.put("notebook_id", null);
        source.put("sql_query_id", client.contains("Editor") ? r.uuid() : null);
        source.put("alert_id", null);
        source.put("genie_space_id", null);
        ctx.emit(Row.of(SystemTable.QUERY_HISTORY)
                .set("account_id", ctx.accountId)
                .set("workspace_id", ws.id)
                .set("statement_id", r.uuid())
                .set("session_id", r.uuid())
                .set("execution_status", status)
                .set("compute", compute)
                .set("executed_by_user_id", ctx.userId(user))
                .set("executed_by", user)
                .set("statement_text", text)
                .set("statement_type", type)
                .set("error_message", "FAILED".equals(status) ? "[TABLE_OR_VIEW_NOT_FOUND] The table or view `"
                        + table.replace(".", "`.`") + "_v2` cannot be found." : null)
                .set("client_application", client)
                .set("client_driver", client.startsWith("Databricks") ? null : "odbc")
                .set("total_duration_ms", q.endMs - q.submitMs)
                .set("waiting_for_compute_duration_ms", q.waitMs)
                .set("waiting_at_capacity_duration_ms", 0L)
                .set("execution_duration_ms", exec)
                .set("compilation_duration_ms", compile)
                .set("total_task_duration_ms", exec * r.intBetween(2, 16))
                .set("result_fetch_duration_ms", fetch)
                .set("start_time", Fmt.ts(ctx.start.plusMillis(q.submitMs)))
                .set("end_time", Fmt.ts(ctx.start.plusMillis(q.endMs)))
                .set("update_time", Fmt.ts(ctx.start.plusMillis(q.endMs + r.intBetween(5, 900))))
                .set("read_partitions", (long) r.intBetween(1, 200))
                .set("pruned_files", (long) r.intBetween(0, 500))
                .set("read_files", (long) r.intBetween(1, 300))
                .set("read_rows", cached ? 0L : rows)
                .set("produced_rows", "SELECT".equals(type) ? (long) r.intBetween(1, 5000) : 0L)
                .set("read_bytes", cached ? 0L : rows * 40)
                .set("spilled_local_bytes", 0L)
                .set("written_bytes", "SELECT".equals(type) ? 0L : rows * 12)
                .set("shuffle_read_bytes", rows * 3)
                .set("read_io_cache_percent", r.intBetween(0, 100))
                .set("from_result_cache", cached)
                .set("query_source", source)
                .set("executed_as", user)
                .set("executed_as_user_id", ctx.userId(user)));
    }

    private void emitBilling(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort((a, c) -> Long.compare(a.ms, c.ms));
        long periodMs = ctx.cfg.days() * 86_400_000L;
        long[] clusterMsPerHour = new long[ctx.cfg.days() * 24];
        for (int i = 0; i < sorted.size(); i++) {
            Event e = sorted.get(i);
            long to = i + 1 < sorted.size() ? sorted.get(i + 1).ms : periodMs;
            if (e.clusters == 0 || to <= e.ms) {
                continue;
            }
            long t = e.ms;
            while (t < to) {
                int h = (int) (t / 3_600_000L);
                long next = Math.min(to, (h + 1) * 3_600_000L);
                clusterMsPerHour[h] += (next - t) * e.clusters;
                t = next;
            }
        }
        BigDecimal dbuPerHour = BigDecimal.valueOf(SIZE_DBU.get(sizeIndex));
        String sku = serverless ? Catalog.serverlessSqlSku(ws.cloud) : Catalog.proSqlSku(ws.cloud);
        Map<String, Object> meta = Billing.meta("warehouse_id", warehouseId,
                "node_type", serverless ? null : Catalog.cpuNodes(ws.cloud).get(0));
        Map<String, Object> identity = Billing.identity(null, owner, null);
        Map<String, Object> features = Billing.features(null, "PRO", null, serverless, true, null, null);
        Rng r = rng.child("billing");
        for (int h = 0; h < clusterMsPerHour.length; h++) {
            if (clusterMsPerHour[h] == 0) {
                continue;
            }
            BigDecimal qty = dbuPerHour.multiply(BigDecimal.valueOf(clusterMsPerHour[h]))
                    .divide(BigDecimal.valueOf(3_600_000L), 18, java.math.RoundingMode.HALF_EVEN);
            billing.hour(r, sku, ctx.at(h * 60L), qty, tags, meta, identity, "SQL", features);
        }
        if (idleRole) {
            double[] dailyCost = new double[ctx.cfg.days()];
            for (int h = 0; h < clusterMsPerHour.length; h++) {
                dailyCost[h / 24] += SIZE_DBU.get(sizeIndex) * clusterMsPerHour[h] / 3_600_000.0
                        * Catalog.listPrice(ctx.cfg, sku, ws.cloud, ctx.at(h * 60L));
            }
            ctx.spendShift(new Subject(SubjectKind.SQL_WAREHOUSE, warehouseId, ws.id), ws, team, sku, dailyCost,
                    changeMs / 60_000L, "auto-stop set to 0");
        }
    }

    private void labelIdle(List<Query> queries, List<long[]> sessions) {
        long minIdle = Math.round(ctx.b.idleMinHours() * 3_600_000L);
        Subject subject = new Subject(SubjectKind.SQL_WAREHOUSE, warehouseId, ws.id);
        List<Subject> related = List.of(new Subject(SubjectKind.WORKSPACE, ws.id, ws.id),
                new Subject(SubjectKind.TEAM, team, null));
        int qi = 0;
        for (long[] s : sessions) {
            long busyUntil = s[0];
            while (qi < queries.size() && queries.get(qi).startMs < s[1]) {
                Query q = queries.get(qi++);
                if (q.submitMs - busyUntil >= minIdle) {
                    idle(subject, related, busyUntil, q.submitMs);
                }
                busyUntil = Math.max(busyUntil, q.endMs);
            }
            if (s[1] - busyUntil >= minIdle) {
                idle(subject, related, busyUntil, s[1]);
            }
        }
    }

    private void idle(Subject subject, List<Subject> related, long fromMs, long toMs) {
        double hours = (toMs - fromMs) / 3_600_000.0;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("idleHours", String.format(Locale.ROOT, "%.2f", hours));
        details.put("autoStopMinutes", String.valueOf(idleRole && fromMs >= changeMs ? 0 : autoStop));
        ctx.anomaly(AnomalyKind.IDLE_WAREHOUSE, subject,
                new TimeWindow(ctx.start.plusMillis(fromMs), ctx.start.plusMillis(toMs)), SeverityRules.idle(hours),
                related, details);
    }
}
