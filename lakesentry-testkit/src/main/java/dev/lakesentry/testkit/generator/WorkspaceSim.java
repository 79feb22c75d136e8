package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.push.SystemTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workspace: decides which entities exist and which carry an injected anomaly (even workspaces
 * get set A, odd ones set B), then runs each entity's simulation in a fixed order.
 */
final class WorkspaceSim {
    private final Ctx ctx;
    private final Ws ws;
    private final Billing billing;

    WorkspaceSim(Ctx ctx, Ws ws) {
        this.ctx = ctx;
        this.ws = ws;
        this.billing = new Billing(ctx, ws);
    }

    void run() {
        GeneratorConfig c = ctx.cfg;
        boolean inject = ctx.b.injectAnomalies();
        boolean a = ws.setA();
        ctx.entity(SubjectKind.WORKSPACE, ws.id, ws.id, ws.name, ctx.b.teams().get(ws.index % ctx.b.teams().size()),
                false);

        List<JobSim> jobs = new ArrayList<>();
        for (int j = 0; j < c.jobs(); j++) {
            JobSim.Kind kind = j == 0 && c.allPurposeClusters() > 0 ? JobSim.Kind.AP_HOSTED
                    : j == 1 ? JobSim.Kind.SERVERLESS : JobSim.Kind.JOB_CLUSTER;
            JobSim.Role role = JobSim.Role.NONE;
            if (inject) {
                if (a) {
                    role = j == 2 ? JobSim.Role.SUDDEN : j == 3 ? JobSim.Role.RUNAWAY : JobSim.Role.NONE;
                } else {
                    role = j == 2 ? JobSim.Role.GRADUAL : j == 3 ? JobSim.Role.REGRESSION
                            : j == 4 ? JobSim.Role.FAIL_JUMP : JobSim.Role.NONE;
                }
            }
            jobs.add(new JobSim(ctx, ws, billing, j, kind, role));
        }
        for (int w = 0; w < ctx.b.weeklyJobs(); w++) {
            jobs.add(new JobSim(ctx, ws, billing, c.jobs() + w, JobSim.Kind.JOB_CLUSTER, JobSim.Role.WEEKLY));
        }

        for (int k = 0; k < c.allPurposeClusters(); k++) {
            ApClusterSim.Role role = ApClusterSim.Role.NORMAL;
            if (inject) {
                if (a && k == 0) {
                    role = ApClusterSim.Role.AT_DISABLED;
                } else if (a && k == 1) {
                    role = ApClusterSim.Role.IDLE_INJECTED;
                } else if (!a && k == 0) {
                    role = ApClusterSim.Role.OVERSIZED;
                }
            }
            ApClusterSim cluster = new ApClusterSim(ctx, ws, billing, k, role);
            boolean host = k == c.allPurposeClusters() - 1 && !jobs.isEmpty()
                    && jobs.get(0).kind == JobSim.Kind.AP_HOSTED;
            if (host) {
                jobs.get(0).hostClusterId = cluster.clusterId;
            }
            cluster.run(host ? jobs.get(0).hostedBlocks() : List.of());
        }
        for (JobSim job : jobs) {
            job.run();
        }
        for (int p = 0; p < c.pipelines(); p++) {
            pipeline(p);
        }
        notebooks();
        if (ws.index == 0) {
            apps();
        }
        for (int w = 0; w < c.warehouses(); w++) {
            new WarehouseSim(ctx, ws, billing, w, inject && a && w == 0).run();
        }
        for (int e = 0; e < c.servingEndpoints(); e++) {
            new ServingSim(ctx, ws, billing, e, inject && a && e == 0).run();
        }
    }

    /** A serverless triggered pipeline: SCD row plus daily updates billed on the serverless jobs SKU as DLT. */
    private void pipeline(int index) {
        Rng r = ws.rng.child("pipeline/" + index);
        String id = r.uuid();
        String team = r.pick(ctx.b.teams());
        boolean tagged = r.chance(ctx.b.taggedShare());
        Map<String, String> tags = ctx.tags(r, team, ws.env, tagged);
        String owner = r.pick(ctx.users(team));
        String name = team + "_bronze_to_silver" + (index > 0 ? "_" + index : "");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("photon", true);
        settings.put("development", !"prod".equals(ws.env));
        settings.put("continuous", false);
        settings.put("serverless", true);
        settings.put("edition", "ADVANCED");
        settings.put("channel", "CURRENT");
        Instant created = ctx.start.minusSeconds(86_400L * r.intBetween(10, 300));
        ctx.emit(Row.of(SystemTable.PIPELINES)
                .set("account_id", ctx.accountId)
                .set("workspace_id", ws.id)
                .set("pipeline_id", id)
                .set("pipeline_type", "ETL_PIPELINE")
                .set("name", name)
                .set("created_by", owner)
                .set("run_as", "prod".equals(ws.env) ? ctx.servicePrincipal(team) : owner)
                .set("tags", tags)
                .set("settings", settings)
                .set("configuration", Map.of("pipeline.env", ws.env))
                .set("change_time", Fmt.ts(created)));
        Map<String, Object> identity = Billing.identity("prod".equals(ws.env) ? ctx.servicePrincipal(team) : owner,
                null, null);
        Map<String, Object> features = Billing.features(null, null, "ADVANCED", true, true, null, null);
        BigDecimal rate = new BigDecimal("8.00");
        for (int d = 0; d < ctx.cfg.days(); d++) {
            Rng dr = r.child("day/" + d);
            long startSec = d * 86_400L + 3 * 3600L + dr.intBetween(0, 600);
            long secs = (long) (dr.between(20, 45) * 60);
            Map<String, Object> meta = Billing.meta("dlt_pipeline_id", id, "dlt_update_id", dr.uuid());
            for (Instant[] s : Timeline.hourSlices(ctx.start.plusSeconds(startSec), ctx.start.plusSeconds(startSec + secs))) {
                long len = s[1].getEpochSecond() - s[0].getEpochSecond();
                Instant hour = Instant.ofEpochSecond(Math.floorDiv(s[0].getEpochSecond(), 3600L) * 3600L);
                billing.hour(dr, Catalog.serverlessJobsSku(ws.cloud), hour,
                        Billing.perSeconds(rate.multiply(BigDecimal.valueOf(len))), tags, meta, identity, "DLT",
                        features);
            }
        }
    }

    /** Serverless notebooks: a few business-hour sessions, no cluster, mostly untagged. */
    private void notebooks() {
        Rng r = ws.rng.child("notebooks");
        String team = r.pick(ctx.b.teams());
        String user = r.pick(ctx.users(team));
        String notebookId = r.digits(15);
        String path = "/Users/" + user + "/exploration";
        Map<String, Object> meta = Billing.meta("notebook_id", notebookId, "notebook_path", path);
        Map<String, Object> identity = Billing.identity(user, null, null);
        Map<String, Object> features = Billing.features(null, null, null, true, true, null, null);
        BigDecimal rate = new BigDecimal("4.00");
        for (int d = 0; d < ctx.cfg.days(); d++) {
            Rng dr = r.child("day/" + d);
            if (ctx.cfg.start().plusDays(d).getDayOfWeek().getValue() > 5 || !dr.chance(0.7)) {
                continue;
            }
            int sessions = dr.intBetween(1, 2);
            for (int s = 0; s < sessions; s++) {
                long startSec = d * 86_400L + (9 + s * 4) * 3600L + dr.intBetween(0, 7200);
                long secs = dr.intBetween(900, 5400);
                for (Instant[] sl : Timeline.hourSlices(ctx.start.plusSeconds(startSec),
                        ctx.start.plusSeconds(startSec + secs))) {
                    long len = sl[1].getEpochSecond() - sl[0].getEpochSecond();
                    Instant hour = Instant.ofEpochSecond(Math.floorDiv(sl[0].getEpochSecond(), 3600L) * 3600L);
                    billing.hour(dr, Catalog.serverlessNotebookSku(ws.cloud), hour,
                            Billing.perSeconds(rate.multiply(BigDecimal.valueOf(len))), Map.of(), meta, identity,
                            "INTERACTIVE", features);
                }
            }
        }
    }

    /** A Databricks App running around the clock on a SKU with no list price: unpriced usage. */
    private void apps() {
        Rng r = ws.rng.child("apps");
        String team = r.pick(ctx.b.teams());
        String appId = r.uuid();
        Map<String, Object> meta = Billing.meta("app_id", appId, "app_name", "cost-dashboard-app");
        Map<String, Object> identity = Billing.identity(null, null, r.pick(ctx.users(team)));
        Map<String, Object> features = Billing.features(null, null, null, true, null, null, null);
        Map<String, String> tags = ctx.tags(r, team, ws.env, true);
        BigDecimal perHour = new BigDecimal("0.50");
        for (long h = 0; h < ctx.cfg.days() * 24L; h++) {
            billing.hour(r, Catalog.appsSku(ws.cloud), ctx.at(h * 60), perHour, tags, meta, identity, "APPS", features);
        }
    }
}
