package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.push.SystemTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model serving endpoint: its served entities (a new model version half-way), its requests, and
 * billing for each hour it is up. A normal endpoint scales to zero (billed only in hours with
 * requests); the injected zombie stays provisioned around the clock after its traffic stops.
 */
final class ServingSim {
    private static final BigDecimal DBU_PER_HOUR = new BigDecimal("2.00");
    private static final List<String> MODELS = List.of("churn_model", "fraud_scoring", "recommender",
            "demand_forecast", "lead_scoring");

    private final Ctx ctx;
    private final Ws ws;
    private final Billing billing;
    private final boolean zombie;
    private final Rng rng;
    final String endpointId;
    private final String endpointName;
    private final String model;
    private final String team;
    private final boolean tagged;
    private final Map<String, String> tags;
    private final String creator;
    private final Instant created;

    ServingSim(Ctx ctx, Ws ws, Billing billing, int index, boolean zombie) {
        this.ctx = ctx;
        this.ws = ws;
        this.billing = billing;
        this.zombie = zombie && ctx.b.injectAnomalies();
        this.rng = ws.rng.child("serving/" + index);
        Rng r = rng.child("spec");
        this.endpointId = r.hex(32);
        this.model = MODELS.get((ws.index + index) % MODELS.size());
        this.endpointName = model.replace('_', '-') + (index > 0 ? "-" + index : "") + "-endpoint";
        this.team = r.pick(ctx.b.teams());
        this.tagged = r.chance(ctx.b.taggedShare());
        this.tags = ctx.tags(r, team, ws.env, tagged);
        this.creator = r.pick(ctx.users(team));
        this.created = ctx.start.minusSeconds(86_400L * r.intBetween(10, 200) + r.intBetween(0, 86_399));
    }

    void run() {
        Rng r = rng.child("entities");
        String entity1 = r.hex(32);
        String entity2 = r.hex(32);
        int days = ctx.cfg.days();
        int switchDay = zombie || days < 14 ? Integer.MAX_VALUE : days / 2;
        emitEntity(entity1, 1, created);
        if (switchDay != Integer.MAX_VALUE) {
            emitEntity(entity2, 2, ctx.start.plusSeconds(switchDay * 86_400L + 11 * 3600L));
        }
        ctx.entity(SubjectKind.SERVING_ENDPOINT, endpointId, ws.id, endpointName, team, tagged);
        int stopDay = zombie ? Math.max(1, (int) Math.round(days * 0.45)) : Integer.MAX_VALUE;
        long lastRequestMs = -1;
        Map<String, Object> meta = Billing.meta("endpoint_name", endpointName, "endpoint_id", endpointId);
        Map<String, Object> identity = Billing.identity(null, null, creator);
        Map<String, Object> features = Billing.features(null, null, null, true, null, "MODEL", null);
        Rng billRng = rng.child("billing");
        for (int d = 0; d < days; d++) {
            Rng dr = rng.child("day/" + d);
            boolean weekday = ctx.cfg.start().plusDays(d).getDayOfWeek().getValue() <= 5;
            String entity = d >= switchDay ? entity2 : entity1;
            for (int h = 0; h < 24; h++) {
                long hourMs = (d * 24L + h) * 3_600_000L;
                double rate;
                if (zombie) {
                    rate = d < stopDay ? 3 + 6 * dr.unit() : 0;
                } else {
                    boolean business = h >= 8 && h < 19;
                    rate = business ? (weekday ? 18 : 18 * (1 - ctx.b.seasonalityStrength())) : 0.3;
                    rate *= dr.lognormal(ctx.b.noise());
                }
                int n = dr.poisson(rate);
                long[] times = new long[n];
                for (int k = 0; k < n; k++) {
                    times[k] = hourMs + dr.intBetween(0, 3_599_999);
                }
                java.util.Arrays.sort(times);
                for (long t : times) {
                    if (t >= ctx.timelineFromMinute * 60_000L) {
                        emitRequest(dr, entity, t);
                    }
                    lastRequestMs = Math.max(lastRequestMs, t);
                }
                if (zombie || n > 0) {
                    billing.hour(billRng, Catalog.servingSku(ws.cloud), ctx.at((d * 24L + h) * 60), DBU_PER_HOUR, tags,
                            meta, identity, "MODEL_SERVING", features);
                }
            }
        }
        if (zombie) {
            Instant from = lastRequestMs >= 0 ? ctx.start.plusMillis(lastRequestMs + 1) : ctx.start;
            double idleDays = (ctx.end.toEpochMilli() - from.toEpochMilli()) / 86_400_000.0;
            Map<String, String> details = new LinkedHashMap<>();
            details.put("daysWithoutRequests", String.format(Locale.ROOT, "%.2f", idleDays));
            details.put("scaleToZero", "false");
            details.put("billedDbuPerHour", DBU_PER_HOUR.toPlainString());
            ctx.anomaly(AnomalyKind.ZOMBIE_SERVING_ENDPOINT, new Subject(SubjectKind.SERVING_ENDPOINT, endpointId, ws.id),
                    new TimeWindow(from, ctx.end), SeverityRules.zombie(idleDays),
                    List.of(new Subject(SubjectKind.WORKSPACE, ws.id, ws.id), new Subject(SubjectKind.TEAM, team, null)),
                    details);
        }
    }

    private void emitEntity(String entityId, long version, Instant change) {
        ctx.emit(Row.of(SystemTable.SERVED_ENTITIES)
                .set("served_entity_id", entityId)
                .set("served_entity_name", model + "-" + (version + 2))
                .set("entity_name", "main.ml." + model)
                .set("entity_type", "CUSTOM_MODEL")
                .set("entity_version", String.valueOf(version + 2))
                .set("endpoint_id", endpointId)
                .set("endpoint_name", endpointName)
                .set("endpoint_config_version", version)
                .set("created_by", creator)
                .set("account_id", ctx.accountId)
                .set("workspace_id", ws.id)
                .set("change_time", Fmt.ts(change)));
    }

    private void emitRequest(Rng r, String entity, long ms) {
        int status = r.chance(0.97) ? 200 : r.chance(0.6) ? 429 : 500;
        long inChars = r.intBetween(200, 4000);
        long outChars = status == 200 ? r.intBetween(20, 600) : 0;
        ctx.emit(Row.of(SystemTable.ENDPOINT_USAGE)
                .set("account_id", ctx.accountId)
                .set("workspace_id", ws.id)
                .set("databricks_request_id", r.uuid())
                .set("client_request_id", r.chance(0.3) ? r.hex(16) : null)
                .set("served_entity_id", entity)
                .set("requester", ctx.servicePrincipal(team))
                .set("request_time", Fmt.ts(ctx.start.plusMillis(ms)))
                .set("status_code", status)
                .set("input_token_count", (inChars + 1) / 4)
                .set("output_token_count", (outChars + 1) / 4)
                .set("input_character_count", inChars)
                .set("output_character_count", outChars)
                .set("request_streaming", false)
                .set("usage_context", Map.of()));
    }
}
