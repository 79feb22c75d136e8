package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.push.SystemTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one workspace's hourly billing rows, with the delays and corrections real billing data has:
 * ORIGINAL rows land within about 12 hours, a share lands days late, a share is later corrected by a
 * RETRACTION and a RESTATEMENT, and each workspace gets at least one correction pair and one
 * duplicate ORIGINAL retracted alone.
 */
final class Billing {
    static final List<String> META_KEYS = List.of("cluster_id", "job_id", "job_run_id", "job_name", "warehouse_id",
            "instance_pool_id", "node_type", "notebook_id", "notebook_path", "dlt_pipeline_id", "dlt_update_id",
            "endpoint_name", "endpoint_id", "app_id", "app_name", "run_name", "budget_policy_id");

    private final Ctx ctx;
    private final Ws ws;
    private boolean pairDone;
    private boolean retractionDone;

    Billing(Ctx ctx, Ws ws) {
        this.ctx = ctx;
        this.ws = ws;
    }

    static Map<String, Object> meta(String... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : META_KEYS) {
            m.put(k, null);
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!m.containsKey(keyValues[i])) {
                throw new IllegalStateException("Unknown usage_metadata key " + keyValues[i]);
            }
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static Map<String, Object> identity(String runAs, String ownedBy, String createdBy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_as", runAs);
        m.put("owned_by", ownedBy);
        m.put("created_by", createdBy);
        return m;
    }

    static Map<String, Object> features(String jobsTier, String sqlTier, String dltTier, Boolean serverless,
                                        Boolean photon, String servingType, String performanceTarget) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobs_tier", jobsTier);
        m.put("sql_tier", sqlTier);
        m.put("dlt_tier", dltTier);
        m.put("is_serverless", serverless);
        m.put("is_photon", photon);
        m.put("serving_type", servingType);
        m.put("performance_target", performanceTarget);
        return m;
    }

    /** Quantity from a sum of (DBU per hour × seconds): divided by 3600 at 18 decimals. */
    static BigDecimal perSeconds(BigDecimal dbuSeconds) {
        return dbuSeconds.divide(BigDecimal.valueOf(3600), 18, RoundingMode.HALF_EVEN);
    }

    /**
     * One hourly usage row (and any correction of it).
     *
     * @param r         the entity's own random stream (delays and corrections)
     * @param hourStart the start of the hour
     */
    void hour(Rng r, String sku, Instant hourStart, BigDecimal quantity, Map<String, String> tags,
              Map<String, Object> meta, Map<String, Object> identity, String origin, Map<String, Object> features) {
        BigDecimal qty = quantity.setScale(18, RoundingMode.HALF_EVEN);
        if (qty.signum() == 0) {
            return;
        }
        Instant hourEnd = hourStart.plusSeconds(3600);
        LocalDate usageDate = Fmt.dateOf(hourStart);
        LocalDate ingestion = Fmt.dateOf(hourEnd.plusSeconds(3600L * r.intBetween(1, 12)));
        if (r.chance(ctx.b.lateRowShare())) {
            ingestion = usageDate.plusDays(r.intBetween(2, 6));
        }
        String id = r.uuid();
        ctx.emit(row(id, sku, hourStart, hourEnd, usageDate, tags, qty, meta, identity, "ORIGINAL", ingestion,
                origin, features));
        boolean dayOk = !usageDate.isBefore(ctx.cfg.start().plusDays(1));
        if (!retractionDone && dayOk) {
            retractionDone = true;
            // a duplicate ORIGINAL that should never have existed, retracted alone days later
            String dup = r.uuid();
            ctx.emit(row(dup, sku, hourStart, hourEnd, usageDate, tags, qty, meta, identity, "ORIGINAL", ingestion,
                    origin, features));
            LocalDate later = ingestion.plusDays(r.intBetween(3, 7));
            String retraction = r.uuid();
            ctx.emit(row(retraction, sku, hourStart, hourEnd, usageDate, tags, qty.negate(), meta, identity,
                    "RETRACTION", later, origin, features));
            ctx.correction(new CorrectionGroup(dup, retraction, null, ws.id, usageDate, later, qty, BigDecimal.ZERO));
        } else if ((!pairDone && dayOk && usageDate.isAfter(ctx.cfg.start().plusDays(1)))
                || r.chance(ctx.b.correctionShare())) {
            pairDone = true;
            LocalDate later = ingestion.plusDays(r.intBetween(3, 8));
            String retraction = r.uuid();
            ctx.emit(row(retraction, sku, hourStart, hourEnd, usageDate, tags, qty.negate(), meta, identity,
                    "RETRACTION", later, origin, features));
            BigDecimal restated = qty.multiply(BigDecimal.valueOf(r.intBetween(80, 110)))
                    .divide(BigDecimal.valueOf(100), 18, RoundingMode.HALF_EVEN);
            String restatement = r.uuid();
            ctx.emit(row(restatement, sku, hourStart, hourEnd, usageDate, tags, restated, meta, identity,
                    "RESTATEMENT", later, origin, features));
            ctx.correction(new CorrectionGroup(id, retraction, restatement, ws.id, usageDate, later, qty, restated));
        }
    }

    private Row row(String id, String sku, Instant from, Instant to, LocalDate usageDate, Map<String, String> tags,
                    BigDecimal qty, Map<String, Object> meta, Map<String, Object> identity, String recordType,
                    LocalDate ingestion, String origin, Map<String, Object> features) {
        return Row.of(SystemTable.BILLING_USAGE)
                .set("record_id", id)
                .set("account_id", ctx.accountId)
                .set("workspace_id", ws.id)
                .set("sku_name", sku)
                .set("cloud", ws.cloud)
                .set("usage_start_time", Fmt.ts(from))
                .set("usage_end_time", Fmt.ts(to))
                .set("usage_date", Fmt.date(usageDate))
                .set("custom_tags", tags)
                .set("usage_unit", Catalog.DBU)
                .set("usage_quantity", Fmt.dec18(qty))
                .set("usage_metadata", meta)
                .set("identity_metadata", identity)
                .set("record_type", recordType)
                .set("ingestion_date", Fmt.date(ingestion))
                .set("billing_origin_product", origin)
                .set("product_features", features)
                .set("usage_type", "COMPUTE_TIME");
    }
}
