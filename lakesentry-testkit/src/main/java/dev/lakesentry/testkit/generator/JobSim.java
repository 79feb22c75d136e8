package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.push.SystemTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scheduled job: its SCD rows, its runs with hourly-sliced run and task timelines, retries and
 * failures, a new job cluster per run (with node timeline and billing) or serverless billing, or
 * tasks on an all-purpose cluster (billed by that cluster, so billing carries no job id). Injected
 * roles add spikes, a runaway run, a duration regression or a failure-rate jump, and label them.
 */
final class JobSim {
    enum Kind { AP_HOSTED, SERVERLESS, JOB_CLUSTER }

    enum Role { NONE, SUDDEN, RUNAWAY, GRADUAL, REGRESSION, FAIL_JUMP, WEEKLY }

    record Planned(int day, long startSec, double minutes, int workers, String trigger, boolean runaway) {
    }

    private static final List<String> NAMES = List.of("nightly_orders_etl", "customer_360_refresh",
            "sales_agg_hourly", "ml_feature_build", "finance_ledger_sync", "marketing_attribution",
            "inventory_snapshot", "clickstream_sessionize", "churn_scoring", "dq_checks", "gdpr_erasure",
            "pricing_model_train");
    private static final BigDecimal SERVERLESS_DBU_PER_HOUR = new BigDecimal("5.00");

    private final Ctx ctx;
    private final Ws ws;
    private final Billing billing;
    private final int index;
    final Kind kind;
    final Role role;
    private final Rng rng;
    final String jobId;
    final String name;
    private final String team;
    private final boolean tagged;
    private final Map<String, String> tags;
    private final String runAs;
    private final String creator;
    private final Instant created;
    private final int runsPerDay;
    private final int firstMinute;
    private final double baseMinutes;
    private final int baseWorkers;
    private final boolean photon;
    private final String driverNode;
    private final String workerNode;
    private final String dbr;
    private final List<String> taskKeys;
    private final double[] weights;
    private final long runBase;
    private final long taskBase;
    private final int anomalyDay;
    /** The day of the week (1 = Monday) a weekly job runs on; 0 for every other job. */
    private final int weeklyDay;
    String hostClusterId;
    private List<Planned> plan;

    JobSim(Ctx ctx, Ws ws, Billing billing, int index, Kind kind, Role role) {
        this.ctx = ctx;
        this.ws = ws;
        this.billing = billing;
        this.index = index;
        this.kind = kind;
        this.role = role;
        this.rng = ws.rng.child("job/" + index);
        Rng r = rng.child("spec");
        this.jobId = r.digits(r.intBetween(12, 15));
        this.name = NAMES.get(index % NAMES.size()) + (index >= NAMES.size() ? "_" + index : "");
        this.team = r.pick(ctx.b.teams());
        this.tagged = r.chance(ctx.b.taggedShare());
        this.tags = ctx.tags(r, team, ws.env, tagged);
        this.creator = r.pick(ctx.users(team));
        this.runAs = "prod".equals(ws.env) ? ctx.servicePrincipal(team) : creator;
        this.created = ctx.start.minusSeconds(86_400L * r.intBetween(10, 300) + r.intBetween(0, 86_399));
        int rpd = r.pick(List.of(1, 1, 2, 4));
        // The jobs whose spend anomalies the truth labels are large ETL jobs (tens of dollars a day), so
        // the injected spikes are material in money, as the spend anomalies a cost tool is meant to find.
        boolean material = role == Role.SUDDEN || role == Role.GRADUAL || role == Role.RUNAWAY || role == Role.WEEKLY;
        this.runsPerDay = switch (role) {
            case FAIL_JUMP -> 4;
            case REGRESSION, RUNAWAY -> 1;
            case SUDDEN -> Math.min(rpd, 2);
            case GRADUAL -> 2;
            case WEEKLY -> 1;
            default -> kind == Kind.JOB_CLUSTER ? rpd : 1;
        };
        this.firstMinute = kind == Kind.SERVERLESS ? 300 + r.intBetween(0, 30) : r.intBetween(0, 330);
        double minutes = kind == Kind.SERVERLESS ? r.between(15, 30) : r.between(20, 70);
        this.baseMinutes = material ? 50 + minutes : minutes;
        int workers = r.intBetween(1, 4);
        this.baseWorkers = material ? 9 + workers : workers;
        this.photon = r.chance(0.3);
        List<String> nodes = Catalog.cpuNodes(ws.cloud);
        String worker = r.pick(nodes);
        this.workerNode = material ? Catalog.largeNode(ws.cloud) : worker;
        this.driverNode = r.chance(0.7) ? workerNode : r.pick(nodes);
        this.dbr = r.pick(List.of("15.4.x-scala2.12", "14.3.x-scala2.12", "16.4.x-scala2.12"));
        int tasks = kind == Kind.SERVERLESS ? 1 : r.intBetween(2, 3);
        this.taskKeys = List.of("ingest", "transform", "publish").subList(0, tasks == 1 ? 1 : tasks);
        this.weights = tasks == 1 ? new double[] {1.0} : tasks == 2 ? new double[] {0.4, 0.6}
                : new double[] {0.3, 0.5, 0.2};
        this.runBase = r.longBetween(10_000_000_000L, 90_000_000_000L);
        this.taskBase = r.longBetween(10_000_000_000L, 90_000_000_000L);
        int days = ctx.cfg.days();
        double at = switch (role) {
            case SUDDEN -> 0.7;
            case GRADUAL -> 0.5;
            case FAIL_JUMP -> 0.55;
            default -> 0.6;
        };
        int jitter = days >= 30 ? r.intBetween(-2, 2) : 0;
        this.weeklyDay = role == Role.WEEKLY ? r.intBetween(1, 7) : 0;
        this.anomalyDay = Math.max(Math.min(5, days - 1), Math.min(days - 1, (int) Math.round(days * at) + jitter));
    }

    private double gradual(int day) {
        double g = ctx.b.gradualFactor();
        if (day >= anomalyDay && day < anomalyDay + 5) {
            return 1 + (g - 1) * (day - anomalyDay + 1) / 5.0;
        }
        if (day >= anomalyDay + 5 && day < anomalyDay + 7) {
            return g;
        }
        return 1;
    }

    List<Planned> plan() {
        if (plan != null) {
            return plan;
        }
        List<Planned> out = new ArrayList<>();
        long total = ctx.cfg.days() * 86_400L;
        Behaviour b = ctx.b;
        for (int d = 0; d < ctx.cfg.days(); d++) {
            Rng r = rng.child("plan/" + d);
            boolean weekday = ctx.cfg.start().plusDays(d).getDayOfWeek().getValue() <= 5;
            if (kind == Kind.AP_HOSTED) {
                if (weekday) {
                    out.add(new Planned(d, d * 86_400L + (630 + r.intBetween(0, 20)) * 60L + r.intBetween(0, 59),
                            r.between(15, 35), 0, "CRON", false));
                }
                continue;
            }
            // a weekly job refreshes in full on its weekday and loads increments (a fifth of the cluster, half
            // the time) on the other days
            boolean increment = role == Role.WEEKLY
                    && ctx.cfg.start().plusDays(d).getDayOfWeek().getValue() != weeklyDay;
            for (int k = 0; k < runsPerDay; k++) {
                long start = d * 86_400L + firstMinute * 60L + k * (86_400L / runsPerDay) + r.intBetween(0, 90);
                double minutes = baseMinutes * r.lognormal(b.noise() * 0.5) * (increment ? 0.5 : 1);
                int workers = increment ? Math.max(1, (int) Math.round(baseWorkers * 0.2)) : baseWorkers;
                boolean runaway = false;
                if (b.injectAnomalies()) {
                    if (role == Role.REGRESSION && d >= anomalyDay) {
                        minutes *= b.regressionFactor();
                    }
                    if (role == Role.GRADUAL) {
                        workers = (int) Math.round(baseWorkers * gradual(d));
                    }
                    if (role == Role.RUNAWAY && d == anomalyDay && k == 0) {
                        minutes = baseMinutes * b.runawayFactor();
                        runaway = true;
                    }
                }
                if (start + minutes * 60 + 900 < total) {
                    out.add(new Planned(d, start, minutes, workers, "CRON", runaway));
                }
            }
            if (b.injectAnomalies() && role == Role.SUDDEN && d == anomalyDay) {
                int extra = (int) Math.round((b.spikeFactor() - 1) * runsPerDay);
                long spacing = Math.min(2400L, 14L * 3600 / Math.max(1, extra));
                for (int e = 0; e < extra; e++) {
                    long start = d * 86_400L + 8 * 3600L + e * spacing + r.intBetween(0, 60);
                    out.add(new Planned(d, start, baseMinutes * r.lognormal(b.noise() * 0.5), baseWorkers,
                            "ONE_TIME", false));
                }
            }
        }
        out.sort((a, c) -> Long.compare(a.startSec, c.startSec));
        plan = List.copyOf(out);
        return plan;
    }

    /** Runs on an all-purpose cluster as {start minute, end minute, demand × 100}, for that cluster's simulation. */
    List<int[]> hostedBlocks() {
        List<int[]> out = new ArrayList<>();
        for (Planned p : plan()) {
            int from = (int) (p.startSec / 60);
            out.add(new int[] {from, from + (int) Math.ceil(p.minutes) + 2, 150});
        }
        return out;
    }

    void run() {
        emitJob(created, "Scheduled " + name.replace('_', ' '));
        if (role == Role.REGRESSION && ctx.b.injectAnomalies()) {
            emitJob(ctx.at(anomalyDay * 1440L - 120 - rng.child("change").intBetween(0, 240)),
                    "Scheduled " + name.replace('_', ' ') + " with enrichment step");
        }
        ctx.entity(SubjectKind.JOB, jobId, ws.id, name, team, tagged);
        double[] dailyDbu = new double[ctx.cfg.days()];
        List<double[]> durations = new ArrayList<>(); // {day, minutes, succeeded, failed}
        Instant runawayStart = null;
        Instant runawayEnd = null;
        Instant firstRegressed = null;
        double[] acc = {0.5, 0.5};
        int i = 0;
        for (Planned p : plan()) {
            Rng r = rng.child("run/" + i);
            String runId = String.valueOf((100 + index) * 1_000_000_000_000L + runBase + i * 37L);
            boolean fail;
            if (role == Role.FAIL_JUMP && ctx.b.injectAnomalies()) {
                int phase = p.day >= anomalyDay ? 1 : 0;
                acc[phase] += ctx.b.baselineFailureRate() + (phase == 1 ? ctx.b.failureRateJump() : 0);
                fail = acc[phase] >= 1;
                if (fail) {
                    acc[phase] -= 1;
                }
            } else {
                fail = !p.runaway && r.chance(ctx.b.baselineFailureRate());
            }
            Instant[] span = execute(r, p, runId, i, fail, dailyDbu);
            double minutes = (span[1].getEpochSecond() - span[0].getEpochSecond()) / 60.0;
            durations.add(new double[] {p.day, minutes, fail || p.runaway ? 0 : 1, fail ? 1 : 0});
            if (p.runaway) {
                runawayStart = span[0];
                runawayEnd = span[1];
            }
            if (role == Role.REGRESSION && firstRegressed == null && p.day >= anomalyDay) {
                firstRegressed = span[0];
            }
            i++;
        }
        if (ctx.b.injectAnomalies()) {
            labelTruth(dailyDbu, durations, runawayStart, runawayEnd, firstRegressed);
        }
    }

    private void emitJob(Instant changeTime, String description) {
        Map<String, Object> schedule = new LinkedHashMap<>();
        String cron = kind == Kind.AP_HOSTED ? "0 30 10 ? * MON-FRI"
                : "0 " + (firstMinute % 60) + " " + (firstMinute / 60)
                + (runsPerDay > 1 ? "/" + (24 / runsPerDay) : "") + " * * ?";
        schedule.put("quartz_cron_expression", cron);
        schedule.put("timezone_id", "UTC");
        schedule.put("pause_status", "UNPAUSED");
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("schedule", schedule);
        ctx.emit(Row.of(SystemTable.JOBS)
                .set("account_id", ctx.accountId)
                .set("workspace_id", ws.id)
                .set("job_id", jobId)
                .set("name", name)
                .set("description", description)
                .set("creator_id", ctx.userId(creator))
                .set("tags", tags)
                .set("change_time", Fmt.ts(changeTime))
                .set("run_as", runAs)
                .set("trigger", trigger)
                .set("trigger_type", "CRON"));
    }

    /** Writes one run's rows; returns its {start, end}. */
    private Instant[] execute(Rng r, Planned p, String runId, int runIndex, boolean fail, double[] dailyDbu) {
        Instant start = ctx.start.plusSeconds(p.startSec);
        int boot = kind == Kind.JOB_CLUSTER ? r.intBetween(150, 330) : kind == Kind.SERVERLESS ? r.intBetween(5, 40)
                : r.intBetween(1, 5);
        long total = Math.round(p.minutes * 60);
        String clusterId = kind == Kind.JOB_CLUSTER ? ApClusterSim.clusterId(start, r) : null;
        List<String> runCompute = clusterId != null ? List.of(clusterId) : List.of();
        List<String> taskCompute = kind == Kind.AP_HOSTED ? List.of(hostClusterId) : runCompute;
        if (clusterId != null) {
            emitJobCluster(clusterId, start, p.workers);
        }
        Instant t = start.plusSeconds(boot);
        int nt = taskKeys.size();
        int failTask = fail ? r.intBetween(0, nt - 1) : -1;
        int transientTask = !fail && !p.runaway && r.chance(0.05) ? r.intBetween(0, nt - 1) : -1;
        String result = "SUCCEEDED";
        String code = "SUCCESS";
        long taskSeq = runIndex * 8L;
        for (int k = 0; k < nt; k++) {
            long dur = Math.max(30, Math.round(total * weights[k]));
            String key = taskKeys.get(k);
            if (k == failTask || k == transientTask) {
                long a1 = Math.max(10, Math.round(dur * r.between(0.1, 0.6)));
                emitTask(taskRunId(taskSeq++), runId, key, t, t.plusSeconds(a1), taskCompute, "FAILED",
                        "RUN_EXECUTION_ERROR");
                t = t.plusSeconds(a1 + r.intBetween(30, 90));
                if (k == failTask) {
                    long a2 = Math.max(10, Math.round(dur * r.between(0.1, 0.6)));
                    emitTask(taskRunId(taskSeq++), runId, key, t, t.plusSeconds(a2), taskCompute, "FAILED",
                            "RUN_EXECUTION_ERROR");
                    t = t.plusSeconds(a2);
                    result = "FAILED";
                    code = "RUN_EXECUTION_ERROR";
                    break;
                }
            }
            if (p.runaway && k == nt - 1) {
                emitTask(taskRunId(taskSeq++), runId, key, t, t.plusSeconds(dur), taskCompute, "TIMED_OUT",
                        "TIMED_OUT");
                t = t.plusSeconds(dur);
                result = "TIMED_OUT";
                code = "TIMED_OUT";
                break;
            }
            emitTask(taskRunId(taskSeq++), runId, key, t, t.plusSeconds(dur), taskCompute, "SUCCEEDED", "SUCCESS");
            t = t.plusSeconds(dur);
        }
        Instant end = t.plusSeconds(r.intBetween(3, 20));
        List<Instant[]> slices = Timeline.hourSlices(start, end);
        Map<String, String> params = Map.of("run_date", Fmt.date(Fmt.dateOf(start)));
        for (int s = 0; s < slices.size(); s++) {
            boolean last = s == slices.size() - 1;
            ctx.emit(Row.of(SystemTable.JOB_RUN_TIMELINE)
                    .set("account_id", ctx.accountId)
                    .set("workspace_id", ws.id)
                    .set("job_id", jobId)
                    .set("run_id", runId)
                    .set("period_start_time", Fmt.ts(slices.get(s)[0]))
                    .set("period_end_time", Fmt.ts(slices.get(s)[1]))
                    .set("trigger_type", p.trigger)
                    .set("run_type", "JOB_RUN")
                    .set("run_name", name)
                    .set("compute_ids", runCompute)
                    .set("result_state", last ? result : null)
                    .set("termination_code", last ? code : null)
                    .set("job_parameters", params));
        }
        if (kind == Kind.JOB_CLUSTER) {
            clusterTimeline(r, clusterId, start, end, boot, p);
            bill(r, slices, Catalog.jobsSku(ws.cloud, photon), Catalog.node(driverNode).dbuPerHour()
                            .add(Catalog.node(workerNode).dbuPerHour().multiply(BigDecimal.valueOf(p.workers))),
                    Billing.meta("cluster_id", clusterId, "job_id", jobId, "job_run_id", runId, "job_name", name,
                            "node_type", workerNode),
                    Billing.features("CLASSIC", null, null, false, photon, null, null), dailyDbu, p.day);
        } else if (kind == Kind.SERVERLESS) {
            bill(r, slices, Catalog.serverlessJobsSku(ws.cloud), SERVERLESS_DBU_PER_HOUR,
                    Billing.meta("job_id", jobId, "job_run_id", runId, "job_name", name),
                    Billing.features(null, null, null, true, true, null, "PERFORMANCE_OPTIMIZED"), dailyDbu, p.day);
        }
        return new Instant[] {start, end};
    }

    private String taskRunId(long seq) {
        return String.valueOf((500 + index) * 1_000_000_000_000L + taskBase + seq * 13L);
    }

    private void bill(Rng r, List<Instant[]> slices, String sku, BigDecimal dbuPerHour, Map<String, Object> meta,
                      Map<String, Object> features, double[] dailyDbu, int day) {
        Map<String, Object> identity = Billing.identity(runAs, null, null);
        for (Instant[] s : slices) {
            long secs = s[1].getEpochSecond() - s[0].getEpochSecond();
            BigDecimal qty = Billing.perSeconds(dbuPerHour.multiply(BigDecimal.valueOf(secs)));
            Instant hour = Instant.ofEpochSecond(Math.floorDiv(s[0].getEpochSecond(), 3600L) * 3600L);
            billing.hour(r, sku, hour, qty, tags, meta, identity, "JOBS", features);
            dailyDbu[day] += qty.doubleValue();
        }
    }

    private void emitJobCluster(String clusterId, Instant start, int workers) {
        ctx.emit(Row.of(SystemTable.CLUSTERS)
                .set("account_id", ctx.accountId)
                .set("workspace_id", ws.id)
                .set("cluster_id", clusterId)
                .set("cluster_name", "job-" + jobId + "-run")
                .set("owned_by", runAs)
                .set("create_time", Fmt.ts(start))
                .set("driver_node_type", driverNode)
                .set("worker_node_type", workerNode)
                .set("worker_count", (long) workers)
                .set("enable_elastic_disk", true)
                .set("tags", tags)
                .set("cluster_source", "JOB")
                .set("init_scripts", List.of())
                .set("dbr_version", dbr)
                .set("change_time", Fmt.ts(start))
                .set("change_date", Fmt.date(Fmt.dateOf(start))));
    }

    private void clusterTimeline(Rng r, String clusterId, Instant start, Instant end, int boot, Planned p) {
        long first = Math.floorDiv(start.getEpochSecond() - ctx.start.getEpochSecond(), 60L);
        long last = Math.floorDiv(end.getEpochSecond() - ctx.start.getEpochSecond() - 1, 60L);
        long bootEnd = first + boot / 60;
        String driverId = Timeline.instanceId(ctx, ws.cloud, clusterId + "/driver");
        String[] workerIds = new String[p.workers];
        for (int k = 0; k < p.workers; k++) {
            workerIds[k] = Timeline.instanceId(ctx, ws.cloud, clusterId + "/worker/" + k);
        }
        double level = p.runaway ? r.between(9, 13) : r.between(55, 85);
        for (long m = Math.max(first, ctx.timelineFromMinute); m <= last; m++) {
            boolean booting = m <= bootEnd;
            double cpu = booting ? r.between(2, 6) : level * (0.9 + 0.2 * r.unit());
            Timeline.nodeMinute(ctx, ws, clusterId, driverId, m, true, booting ? cpu : Math.max(6, cpu * 0.3),
                    booting ? 30 : 45, driverNode, r);
            for (String id : workerIds) {
                double c = booting ? r.between(1, 4) : cpu * (0.85 + 0.3 * r.unit());
                Timeline.nodeMinute(ctx, ws, clusterId, id, m, false, c, booting ? 15 : 40 + c * 0.4, workerNode, r);
            }
        }
    }

    private void emitTask(String taskRunId, String runId, String key, Instant from, Instant to, List<String> compute,
                          String result, String code) {
        List<Instant[]> slices = Timeline.hourSlices(from, to);
        for (int s = 0; s < slices.size(); s++) {
            boolean last = s == slices.size() - 1;
            ctx.emit(Row.of(SystemTable.JOB_TASK_RUN_TIMELINE)
                    .set("account_id", ctx.accountId)
                    .set("workspace_id", ws.id)
                    .set("job_id", jobId)
                    .set("run_id", taskRunId)
                    .set("job_run_id", runId)
                    .set("parent_run_id", runId)
                    .set("period_start_time", Fmt.ts(slices.get(s)[0]))
                    .set("period_end_time", Fmt.ts(slices.get(s)[1]))
                    .set("task_key", key)
                    .set("compute_ids", compute)
                    .set("result_state", last ? result : null)
                    .set("termination_code", last ? code : null));
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> v = new ArrayList<>(values);
        v.sort(Double::compare);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private void labelTruth(double[] dailyDbu, List<double[]> durations, Instant runawayStart, Instant runawayEnd,
                            Instant firstRegressed) {
        Subject subject = new Subject(SubjectKind.JOB, jobId, ws.id);
        List<Subject> related = new ArrayList<>(List.of(new Subject(SubjectKind.WORKSPACE, ws.id, ws.id),
                new Subject(SubjectKind.TEAM, team, null)));
        if (kind == Kind.JOB_CLUSTER) {
            related.add(new Subject(SubjectKind.SKU, Catalog.jobsSku(ws.cloud, photon), null));
        }
        List<Double> before = new ArrayList<>();
        for (int d = 0; d < anomalyDay; d++) {
            if (dailyDbu[d] > 0) {
                before.add(dailyDbu[d]);
            }
        }
        double baseline = median(before);
        List<Double> okBefore = new ArrayList<>();
        List<Double> okAfter = new ArrayList<>();
        int runsBefore = 0;
        int failsBefore = 0;
        int runsAfter = 0;
        int failsAfter = 0;
        for (double[] d : durations) {
            boolean after = d[0] >= anomalyDay;
            if (d[2] == 1) {
                (after ? okAfter : okBefore).add(d[1]);
            }
            if (after) {
                runsAfter++;
                failsAfter += (int) d[3];
            } else {
                runsBefore++;
                failsBefore += (int) d[3];
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        switch (role) {
            case SUDDEN -> {
                double ratio = baseline > 0 ? dailyDbu[anomalyDay] / baseline : 0;
                details.put("baselineDailyDbu", String.format(Locale.ROOT, "%.3f", baseline));
                details.put("peakDailyDbu", String.format(Locale.ROOT, "%.3f", dailyDbu[anomalyDay]));
                details.put("ratio", String.format(Locale.ROOT, "%.2f", ratio));
                Instant from = dayStart(anomalyDay);
                ctx.anomaly(AnomalyKind.SUDDEN_SPEND_SPIKE, subject, new TimeWindow(from, from.plusSeconds(86_400)),
                        SeverityRules.spend(ratio), related, details);
            }
            case GRADUAL -> {
                int endDay = Math.min(ctx.cfg.days(), anomalyDay + 7);
                double peak = 0;
                for (int d = anomalyDay; d < endDay; d++) {
                    peak = Math.max(peak, dailyDbu[d]);
                }
                double ratio = baseline > 0 ? peak / baseline : 0;
                details.put("baselineDailyDbu", String.format(Locale.ROOT, "%.3f", baseline));
                details.put("peakDailyDbu", String.format(Locale.ROOT, "%.3f", peak));
                details.put("ratio", String.format(Locale.ROOT, "%.2f", ratio));
                details.put("rampDays", "5");
                ctx.anomaly(AnomalyKind.GRADUAL_SPEND_SPIKE, subject, new TimeWindow(dayStart(anomalyDay),
                        dayStart(endDay)), SeverityRules.spend(ratio), related, details);
            }
            case RUNAWAY -> {
                if (runawayStart != null) {
                    double typical = median(okBefore);
                    double minutes = (runawayEnd.getEpochSecond() - runawayStart.getEpochSecond()) / 60.0;
                    double ratio = typical > 0 ? minutes / typical : 0;
                    details.put("typicalMinutes", String.format(Locale.ROOT, "%.1f", typical));
                    details.put("runMinutes", String.format(Locale.ROOT, "%.1f", minutes));
                    details.put("durationRatio", String.format(Locale.ROOT, "%.2f", ratio));
                    details.put("resultState", "TIMED_OUT");
                    ctx.anomaly(AnomalyKind.RUNAWAY_JOB_RUN, subject, new TimeWindow(runawayStart, runawayEnd),
                            SeverityRules.runaway(ratio), related, details);
                }
            }
            case REGRESSION -> {
                if (firstRegressed != null && okBefore.size() >= 5 && !okAfter.isEmpty()) {
                    double ratio = median(okAfter) / median(okBefore);
                    details.put("medianMinutesBefore", String.format(Locale.ROOT, "%.1f", median(okBefore)));
                    details.put("medianMinutesAfter", String.format(Locale.ROOT, "%.1f", median(okAfter)));
                    details.put("ratio", String.format(Locale.ROOT, "%.2f", ratio));
                    ctx.anomaly(AnomalyKind.JOB_DURATION_REGRESSION, subject, new TimeWindow(firstRegressed, ctx.end),
                            SeverityRules.regression(ratio), related, details);
                }
            }
            case FAIL_JUMP -> {
                double rateBefore = runsBefore == 0 ? 0 : (double) failsBefore / runsBefore;
                double rateAfter = runsAfter == 0 ? 0 : (double) failsAfter / runsAfter;
                double points = (rateAfter - rateBefore) * 100;
                if (points >= 15) {
                    details.put("failureRateBefore", String.format(Locale.ROOT, "%.3f", rateBefore));
                    details.put("failureRateAfter", String.format(Locale.ROOT, "%.3f", rateAfter));
                    details.put("runsBefore", String.valueOf(runsBefore));
                    details.put("runsAfter", String.valueOf(runsAfter));
                    details.put("points", String.format(Locale.ROOT, "%.1f", points));
                    ctx.anomaly(AnomalyKind.FAILURE_RATE_JUMP, subject, new TimeWindow(dayStart(anomalyDay), ctx.end),
                            SeverityRules.failureJump(points), related, details);
                }
            }
            default -> {
            }
        }
    }

    private Instant dayStart(int day) {
        return ctx.start.plusSeconds(day * 86_400L);
    }

    LocalDate anomalyDate() {
        return ctx.cfg.start().plusDays(anomalyDay);
    }
}
