package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.push.SystemTable;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An all-purpose cluster simulated minute by minute: people arrive and leave in business hours
 * (fewer on weekends, by the seasonality strength), jobs of the workspace may run on it, it
 * auto-terminates after its idle time, autoscales with its load, and its node timeline, billing
 * and truth (idle periods, oversizing, auto-termination) all follow from the same minutes.
 */
final class ApClusterSim {
    enum Role { NORMAL, AT_DISABLED, IDLE_INJECTED, OVERSIZED }

    private static final byte OFF = 0;
    private static final byte BUSY = 1;
    private static final byte IDLE = 2;

    private final Ctx ctx;
    private final Ws ws;
    private final Billing billing;
    private final Role role;
    private final Rng rng;
    final String clusterId;
    final String name;
    final String team;
    private final boolean tagged;
    private final Map<String, String> tags;
    private final String owner;
    private final String driverNode;
    private final String workerNode;
    private final int minWorkers;
    private final int maxWorkers;
    private final int fixedWorkers;
    private final int autoTermination;
    private final Instant created;
    private final int changeMinute;
    private final String dbr;

    ApClusterSim(Ctx ctx, Ws ws, Billing billing, int index, Role role) {
        this.ctx = ctx;
        this.ws = ws;
        this.billing = billing;
        this.role = role;
        this.rng = ws.rng.child("ap/" + index);
        Rng r = rng.child("spec");
        this.team = r.pick(ctx.b.teams());
        this.tagged = r.chance(ctx.b.taggedShare());
        this.tags = ctx.tags(r, team, ws.env, tagged);
        this.owner = r.pick(ctx.users(team));
        this.created = ctx.start.minusSeconds(86_400L * r.intBetween(5, 200) + r.intBetween(0, 86_399));
        this.clusterId = clusterId(created, r);
        this.name = team + "-" + List.of("shared", "adhoc", "analysis", "research", "dev", "notebooks").get(index % 6)
                + (index >= 6 ? "-" + index : "");
        List<String> nodes = Catalog.cpuNodes(ws.cloud);
        this.workerNode = r.pick(nodes);
        this.driverNode = r.chance(0.7) ? workerNode : r.pick(nodes);
        this.minWorkers = 1;
        this.maxWorkers = r.intBetween(3, 6);
        this.fixedWorkers = role == Role.OVERSIZED ? ctx.b.oversizedWorkers() : 0;
        this.autoTermination = List.of(30, 45, 60, 90).get(r.intBetween(0, 3));
        this.changeMinute = role == Role.AT_DISABLED
                ? Math.max(1, (int) Math.round(ctx.cfg.days() * 0.35)) * 1440 + 9 * 60 + r.intBetween(0, 120) : -1;
        this.dbr = r.pick(List.of("15.4.x-scala2.12", "14.3.x-scala2.12", "16.4.x-scala2.12"));
    }

    static String clusterId(Instant created, Rng r) {
        String t = Fmt.ts(created);
        return t.substring(5, 7) + t.substring(8, 10) + "-" + t.substring(11, 13) + t.substring(14, 16)
                + t.substring(17, 19) + "-" + r.alnum(8);
    }

    /**
     * Runs the simulation and writes every row of this cluster.
     *
     * @param hosted job runs on this cluster as {start minute, end minute, demand × 100}
     */
    void run(List<int[]> hosted) {
        emitVersions();
        ctx.entity(SubjectKind.CLUSTER, clusterId, ws.id, name, team, tagged);
        int n = ctx.minutes;
        short[] load = new short[n];
        Arrays.fill(load, (short) -1);
        activity(load);
        for (int[] h : hosted) {
            for (int m = Math.max(0, h[0]); m < Math.min(n, h[1]); m++) {
                load[m] = (short) Math.min(Short.MAX_VALUE, Math.max(0, load[m]) + h[2]);
            }
        }
        byte[] state = new byte[n];
        byte[] workers = new byte[n];
        float[] cpu = new float[n];
        float[] mem = new float[n];
        simulate(load, state, workers, cpu, mem);
        emitTimeline(state, workers, cpu, mem);
        emitBilling(state, workers);
        labelTruth(state, workers, cpu, mem);
    }

    private void emitVersions() {
        emitVersion(created, autoTermination);
        if (role == Role.AT_DISABLED) {
            emitVersion(ctx.at(changeMinute).plusSeconds(rng.child("change").intBetween(0, 59)), 0);
        }
    }

    private void emitVersion(Instant changeTime, int autoTerm) {
        long at = autoTerm;
        Map<String, Object> aws = null;
        Map<String, Object> azure = null;
        if (Catalog.AWS.equals(ws.cloud)) {
            aws = new LinkedHashMap<>();
            aws.put("first_on_demand", 1L);
            aws.put("availability", "SPOT_WITH_FALLBACK");
            aws.put("zone_id", "us-east-1a");
        } else {
            azure = new LinkedHashMap<>();
            azure.put("first_on_demand", 1L);
            azure.put("availability", "ON_DEMAND_AZURE");
            azure.put("spot_bid_max_price", -1.0);
        }
        ctx.emit(Row.of(SystemTable.CLUSTERS)
                .set("account_id", ctx.accountId)
                .set("workspace_id", ws.id)
                .set("cluster_id", clusterId)
                .set("cluster_name", name)
                .set("owned_by", owner)
                .set("create_time", Fmt.ts(created))
                .set("driver_node_type", driverNode)
                .set("worker_node_type", workerNode)
                .set("worker_count", fixedWorkers > 0 ? (Object) (long) fixedWorkers : null)
                .set("min_autoscale_workers", fixedWorkers > 0 ? null : (Object) (long) minWorkers)
                .set("max_autoscale_workers", fixedWorkers > 0 ? null : (Object) (long) maxWorkers)
                .set("auto_termination_minutes", at)
                .set("enable_elastic_disk", true)
                .set("tags", tags)
                .set("cluster_source", "UI")
                .set("init_scripts", List.of())
                .set("aws_attributes", aws)
                .set("azure_attributes", azure)
                .set("dbr_version", dbr)
                .set("change_time", Fmt.ts(changeTime))
                .set("change_date", Fmt.date(Fmt.dateOf(changeTime))));
    }

    /** People's working sessions (and the injected keep-alive) as load per minute. */
    private void activity(short[] load) {
        Behaviour b = ctx.b;
        int days = ctx.cfg.days();
        int idleDay1 = weekdayFrom((int) Math.round(days * 0.5));
        int idleDay2 = weekdayFrom((int) Math.round(days * 0.75));
        double base = role == Role.OVERSIZED ? 1.2 : rng.child("base").between(1.0, 2.8);
        for (int d = 0; d < days; d++) {
            Rng r = rng.child("day/" + d);
            DayOfWeek dow = ctx.cfg.start().plusDays(d).getDayOfWeek();
            boolean weekday = dow.getValue() <= 5;
            boolean inject = role == Role.IDLE_INJECTED && b.injectAnomalies() && (d == idleDay1 || d == idleDay2);
            boolean present = inject || (weekday ? r.chance(0.95) : r.chance(0.35 * (1 - b.seasonalityStrength())));
            if (!present) {
                continue;
            }
            int arrive = weekday ? 450 + r.intBetween(0, 120) : 600 + r.intBetween(0, 180);
            int leave = weekday ? 990 + r.intBetween(0, 150) : arrive + r.intBetween(60, 240);
            double level = base * r.lognormal(b.noise()) * (weekday ? 1.0 : 0.6);
            int t = arrive;
            int dayStart = d * 1440;
            while (t < leave) {
                if (r.chance(0.12)) {
                    int len = r.intBetween(10, 25);
                    fill(load, dayStart + t, dayStart + Math.min(leave, t + len), (short) 0);
                    t += len;
                } else {
                    int len = r.intBetween(30, 90);
                    int hour = t / 60;
                    double shape = hour == 12 ? 0.6 : (hour >= 9 && hour < 17) ? 1.0 : 0.7;
                    double demand = role == Role.OVERSIZED
                            ? Math.max(0.5, Math.min(1.8, level * r.lognormal(b.noise())))
                            : Math.max(0.3, level * shape * r.lognormal(b.noise()));
                    fill(load, dayStart + t, dayStart + Math.min(leave, t + len), (short) Math.round(demand * 100));
                    t += len;
                }
            }
            if (inject) {
                int hours = d == idleDay1 ? b.idleInjectedHours() : Math.min(3, b.idleInjectedHours());
                int from = dayStart + leave;
                for (int m = from; m < Math.min(load.length, from + hours * 60); m++) {
                    if (load[m] < 0) {
                        load[m] = 0;
                    }
                }
            }
        }
    }

    private int weekdayFrom(int day) {
        int d = Math.min(Math.max(0, day), ctx.cfg.days() - 1);
        while (d < ctx.cfg.days() - 1 && ctx.cfg.start().plusDays(d).getDayOfWeek().getValue() > 5) {
            d++;
        }
        return d;
    }

    private static void fill(short[] load, int from, int to, short v) {
        for (int m = Math.max(0, from); m < Math.min(load.length, to); m++) {
            load[m] = v;
        }
    }

    private void simulate(short[] load, byte[] state, byte[] workers, float[] cpu, float[] mem) {
        boolean[] manualStop = new boolean[load.length];
        if (role == Role.AT_DISABLED) {
            Rng r = rng.child("stops");
            for (int d = 0; d < ctx.cfg.days(); d++) {
                if (ctx.cfg.start().plusDays(d).getDayOfWeek() == DayOfWeek.FRIDAY && r.chance(0.5)) {
                    int m = d * 1440 + 18 * 60 + r.intBetween(0, 150);
                    if (m < load.length) {
                        manualStop[m] = true;
                    }
                }
            }
        }
        boolean on = false;
        int last = -1;
        Rng r = rng.child("cpu");
        for (int m = 0; m < load.length; m++) {
            int at = role == Role.AT_DISABLED && m >= changeMinute ? 0 : autoTermination;
            if (load[m] >= 0) {
                on = true;
                last = m;
            } else if (on) {
                if ((at > 0 && m - last > at) || (at == 0 && manualStop[m])) {
                    on = false;
                }
            }
            if (!on) {
                state[m] = OFF;
                continue;
            }
            if (load[m] > 0) {
                double demand = load[m] / 100.0;
                int w = fixedWorkers > 0 ? fixedWorkers
                        : Math.max(minWorkers, Math.min(maxWorkers, (int) Math.ceil(demand / 0.8)));
                double c = Math.max(8, Math.min(95, 100 * demand / w));
                state[m] = BUSY;
                workers[m] = (byte) w;
                cpu[m] = (float) c;
                mem[m] = (float) (30 + 0.45 * c + r.between(-2, 2));
            } else {
                state[m] = IDLE;
                workers[m] = (byte) (fixedWorkers > 0 ? fixedWorkers : minWorkers);
                cpu[m] = (float) r.between(0.8, 2.2);
                mem[m] = (float) r.between(18, 26);
            }
        }
    }

    private void emitTimeline(byte[] state, byte[] workers, float[] cpu, float[] mem) {
        Rng r = rng.child("timeline");
        String driverId = null;
        String[] slotIds = new String[128];
        int prevWorkers = 0;
        for (int m = 0; m < state.length; m++) {
            if (state[m] == OFF) {
                driverId = null;
                prevWorkers = 0;
                continue;
            }
            if (driverId == null) {
                driverId = Timeline.instanceId(ctx, ws.cloud, clusterId + "/driver/" + m);
            }
            int w = workers[m];
            for (int k = prevWorkers; k < w; k++) {
                slotIds[k] = Timeline.instanceId(ctx, ws.cloud, clusterId + "/worker/" + k + "/" + m);
            }
            prevWorkers = w;
            if (m < ctx.timelineFromMinute) {
                continue;
            }
            boolean busy = state[m] == BUSY;
            double driverCpu = busy ? Math.max(6, cpu[m] * 0.35) : cpu[m];
            Timeline.nodeMinute(ctx, ws, clusterId, driverId, m, true, driverCpu * (0.9 + 0.2 * r.unit()),
                    mem[m] + 8, driverNode, r);
            for (int k = 0; k < w; k++) {
                double c = busy ? Math.max(6, cpu[m] * (0.85 + 0.3 * r.unit())) : cpu[m] * (0.8 + 0.4 * r.unit());
                Timeline.nodeMinute(ctx, ws, clusterId, slotIds[k], m, false, c, mem[m] + r.between(-3, 3),
                        workerNode, r);
            }
        }
    }

    private void emitBilling(byte[] state, byte[] workers) {
        BigDecimal driverRate = Catalog.node(driverNode).dbuPerHour();
        BigDecimal workerRate = Catalog.node(workerNode).dbuPerHour();
        Rng r = rng.child("billing");
        String sku = Catalog.allPurposeSku(ws.cloud);
        Map<String, Object> meta = Billing.meta("cluster_id", clusterId, "node_type", workerNode);
        Map<String, Object> identity = Billing.identity(null, null, null);
        Map<String, Object> features = Billing.features(null, null, null, false, false, null, null);
        // only a cluster whose auto-termination is turned off needs its daily cost (for its level-shift label)
        double[] dailyCost = role == Role.AT_DISABLED ? new double[ctx.cfg.days()] : null;
        for (int h = 0; h < state.length / 60; h++) {
            long running = 0;
            long workerMinutes = 0;
            for (int m = h * 60; m < h * 60 + 60; m++) {
                if (state[m] != OFF) {
                    running++;
                    workerMinutes += workers[m];
                }
            }
            if (running == 0) {
                continue;
            }
            BigDecimal dbuSeconds = driverRate.multiply(BigDecimal.valueOf(running * 60))
                    .add(workerRate.multiply(BigDecimal.valueOf(workerMinutes * 60)));
            billing.hour(r, sku, ctx.at(h * 60L), Billing.perSeconds(dbuSeconds), tags, meta, identity,
                    "ALL_PURPOSE", features);
            if (dailyCost != null) {
                dailyCost[h / 24] += dbuSeconds.doubleValue() / 3600
                        * Catalog.listPrice(ctx.cfg, sku, ws.cloud, ctx.at(h * 60L));
            }
        }
        if (dailyCost != null && changeMinute < state.length) {
            ctx.spendShift(new Subject(SubjectKind.CLUSTER, clusterId, ws.id), ws, team, sku, dailyCost, changeMinute,
                    "auto-termination disabled");
        }
    }

    private void labelTruth(byte[] state, byte[] workers, float[] cpu, float[] mem) {
        Subject subject = new Subject(SubjectKind.CLUSTER, clusterId, ws.id);
        List<Subject> related = List.of(new Subject(SubjectKind.WORKSPACE, ws.id, ws.id),
                new Subject(SubjectKind.TEAM, team, null));
        int minIdle = (int) Math.round(ctx.b.idleMinHours() * 60);
        int runStart = -1;
        for (int m = 0; m <= state.length; m++) {
            boolean idle = m < state.length && state[m] == IDLE;
            if (idle && runStart < 0) {
                runStart = m;
            } else if (!idle && runStart >= 0) {
                int from = Math.max(runStart, ctx.timelineFromMinute);
                int len = m - from;
                if (len >= minIdle) {
                    double hours = len / 60.0;
                    Map<String, String> details = new LinkedHashMap<>();
                    details.put("idleHours", String.format(Locale.ROOT, "%.2f", hours));
                    details.put("autoTerminationMinutes", String.valueOf(
                            role == Role.AT_DISABLED && runStart >= changeMinute ? 0 : autoTermination));
                    details.put("cause", role == Role.IDLE_INJECTED ? "kept alive with no work"
                            : role == Role.AT_DISABLED ? "auto-termination disabled" : "natural");
                    ctx.anomaly(AnomalyKind.IDLE_CLUSTER, subject, new TimeWindow(ctx.at(from), ctx.at(m)),
                            SeverityRules.idle(hours), related, details);
                }
                runStart = -1;
            }
        }
        if (role == Role.AT_DISABLED && changeMinute < state.length) {
            ctx.anomaly(AnomalyKind.AUTO_TERMINATION_DISABLED, subject,
                    new TimeWindow(ctx.at(changeMinute), ctx.end), SeverityRules.autoTermination(0), related,
                    Map.of("autoTerminationMinutes", "0", "previousMinutes", String.valueOf(autoTermination)));
        }
        if (role == Role.OVERSIZED) {
            List<Integer> needed = new ArrayList<>();
            for (int h = ctx.timelineFromMinute / 60; h < state.length / 60; h++) {
                int busy = 0;
                double c = 0;
                double mm = 0;
                for (int m = h * 60; m < h * 60 + 60; m++) {
                    if (state[m] == BUSY) {
                        busy++;
                        c += cpu[m];
                        mm += mem[m];
                    }
                }
                if (busy >= 30) {
                    double avgCpu = c / busy;
                    double avgMem = mm / busy;
                    needed.add(Math.max(1, Math.max((int) Math.ceil(fixedWorkers * avgCpu / 85.0),
                            (int) Math.ceil(fixedWorkers * avgMem / 90.0))));
                }
            }
            if (!needed.isEmpty()) {
                needed.sort(Integer::compare);
                int median = needed.get((needed.size() + 1) / 2 - 1);
                int excess = fixedWorkers - median;
                if (excess >= 1) {
                    Map<String, String> details = new LinkedHashMap<>();
                    details.put("configuredWorkers", String.valueOf(fixedWorkers));
                    details.put("medianNeededWorkers", String.valueOf(median));
                    details.put("busyHours", String.valueOf(needed.size()));
                    ctx.anomaly(AnomalyKind.OVERSIZED_CLUSTER, subject,
                            new TimeWindow(ctx.at(ctx.timelineFromMinute), ctx.end),
                            SeverityRules.oversized(excess), related, details);
                }
            }
        }
    }
}
