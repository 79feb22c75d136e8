package dev.lakesentry.core.bench;

import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.store.jdbc.JdbcStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test (never run by {@code mvn verify}): pushes of 10,000 billing-usage records end to end
 * through the ingestion service (token check, validation of every record, checksum, append with the
 * registry and the queue in one transaction) into the embedded store's raw layer, next to the same
 * database's bare load of the same rows (a plain JDBC batch of single-row INSERTs of the typed columns and
 * the JSON text) in the same run. Usage: {@code IngestionBench [pushes]}; see docs/benchmarks.md.
 */
public final class IngestionBench {
    private static final int PUSH = 10_000;

    private IngestionBench() {
    }

    public static void main(String[] args) throws Exception {
        int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("ls-ingest-bench");
        try (JdbcStore store = JdbcStore.embedded(dir)) {
            LakeSentry ls = LakeSentry.builder().store(store).build();
            BearerToken token = ls.tokens().issue("bench", "acc-bench").token();
            // The collector's side (records and checksum) is built before timing; what ingestion receives are
            // fresh records, as if just read from the wire, with nothing computed for them yet. The bare load
            // gets its own fresh copy, so neither path profits from work the other did.
            List<PushEnvelope> envelopes = new ArrayList<>();
            List<List<SourceRecord>> bareBatches = new ArrayList<>();
            for (int p = 0; p < pushes + 1; p++) {
                List<SourceRecord> records = records(p);
                envelopes.add(arrived(envelope(p == 0 ? "warm" : "e-" + p, records)));
                bareBatches.add(fresh(records));
            }
            ls.ingestion().push(envelopes.get(0), token);
            bare(store, bareBatches.get(0), "warm");
            long pushNanos = 0;
            long bareNanos = 0;
            for (int p = 1; p <= pushes; p++) {
                long t0 = System.nanoTime();
                ls.ingestion().push(envelopes.get(p), token);
                long t1 = System.nanoTime();
                bare(store, bareBatches.get(p), "b-" + p);
                long t2 = System.nanoTime();
                pushNanos += t1 - t0;
                bareNanos += t2 - t1;
            }
            double records = (double) pushes * PUSH;
            double pushRate = records / (pushNanos / 1e9);
            double bareRate = records / (bareNanos / 1e9);
            org.slf4j.LoggerFactory.getLogger(IngestionBench.class).info(String.format(
                    "%n| store | records | pushes of | end-to-end rec/s | bare load rec/s | ratio |%n|---|---|---|---|---|---|%n"
                            + "| H2 (embedded) | %,d | %,d | %,.0f | %,.0f | %.2f |", (long) records, PUSH, pushRate, bareRate,
                    pushRate / bareRate));
        }
    }

    private static PushEnvelope envelope(String id, List<SourceRecord> records) {
        return PushEnvelope.create(id, "bench", "acc-bench", SystemTable.BILLING_USAGE,
                new WatermarkRange(null, Instant.parse("2025-03-31T00:00:00Z")), records);
    }

    /** The envelope as ingestion receives it: the sender's checksum over fresh copies of the records. */
    private static PushEnvelope arrived(PushEnvelope sent) {
        return new PushEnvelope(sent.extractionId(), sent.connectorId(), sent.accountId(), sent.table(), sent.mode(),
                sent.watermark(), sent.schemaVersion(), sent.recordCount(), sent.checksum(), fresh(sent.records()));
    }

    private static List<SourceRecord> fresh(List<SourceRecord> records) {
        List<SourceRecord> out = new ArrayList<>(records.size());
        for (SourceRecord r : records) {
            out.add(new SourceRecord(new LinkedHashMap<>(r.values())));
        }
        return out;
    }

    private static List<SourceRecord> records(int push) {
        List<SourceRecord> out = new ArrayList<>(PUSH);
        for (int i = 0; i < PUSH; i++) {
            int day = 1 + (i % 28);
            String d = String.format("2025-03-%02d", day);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("record_id", "r-" + push + "-" + i);
            m.put("account_id", "acc-bench");
            m.put("workspace_id", "ws-" + (i % 4));
            m.put("sku_name", "PREMIUM_JOBS_COMPUTE");
            m.put("cloud", "AWS");
            m.put("usage_start_time", d + "T10:00:00.000Z");
            m.put("usage_end_time", d + "T11:00:00.000Z");
            m.put("usage_date", d);
            m.put("custom_tags", Map.of("team", "t" + (i % 5)));
            m.put("usage_unit", "DBU");
            m.put("usage_quantity", new BigDecimal(i % 97).movePointLeft(2).add(BigDecimal.ONE).setScale(18).toPlainString());
            m.put("usage_metadata", Map.of("cluster_id", "c-" + (i % 50), "job_id", "j-" + (i % 200)));
            m.put("identity_metadata", Map.of("run_as", "svc@example.com"));
            m.put("record_type", "ORIGINAL");
            m.put("ingestion_date", d);
            m.put("billing_origin_product", "JOBS");
            m.put("product_features", Map.of("is_serverless", false));
            m.put("usage_type", "COMPUTE_TIME");
            out.add(SourceRecord.of(m));
        }
        return out;
    }

    /** The database's bare way: a JDBC batch of single-row INSERTs of already-typed values. */
    private static void bare(JdbcStore store, List<SourceRecord> batch, String id) throws Exception {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS bench_bare_usage (account_id VARCHAR(255), extraction_id VARCHAR(255),"
                        + " row_pos INT, record_id VARCHAR(255), workspace_id VARCHAR(255), sku_name VARCHAR(255),"
                        + " cloud VARCHAR(255), usage_start_time TIMESTAMP(6) WITH TIME ZONE,"
                        + " usage_end_time TIMESTAMP(6) WITH TIME ZONE, usage_date DATE, usage_unit VARCHAR(255),"
                        + " usage_quantity DECIMAL(38,18), record_type VARCHAR(255), ingestion_date DATE,"
                        + " cluster_id VARCHAR(255), job_id VARCHAR(255), record_json CHARACTER VARYING)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_bare_usage VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 0;
                for (SourceRecord r : batch) {
                    Map<String, Object> v = r.values();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> meta = (Map<String, Object>) v.get("usage_metadata");
                    ps.setString(1, "acc-bench");
                    ps.setString(2, id);
                    ps.setInt(3, i++);
                    ps.setString(4, (String) v.get("record_id"));
                    ps.setString(5, (String) v.get("workspace_id"));
                    ps.setString(6, (String) v.get("sku_name"));
                    ps.setString(7, (String) v.get("cloud"));
                    ps.setObject(8, OffsetDateTime.ofInstant(Instant.parse((String) v.get("usage_start_time")), ZoneOffset.UTC));
                    ps.setObject(9, OffsetDateTime.ofInstant(Instant.parse((String) v.get("usage_end_time")), ZoneOffset.UTC));
                    ps.setObject(10, java.time.LocalDate.parse((String) v.get("usage_date")));
                    ps.setString(11, (String) v.get("usage_unit"));
                    ps.setBigDecimal(12, new BigDecimal((String) v.get("usage_quantity")));
                    ps.setString(13, (String) v.get("record_type"));
                    ps.setObject(14, java.time.LocalDate.parse((String) v.get("ingestion_date")));
                    ps.setString(15, (String) meta.get("cluster_id"));
                    ps.setString(16, (String) meta.get("job_id"));
                    ps.setString(17, dev.lakesentry.api.push.CanonicalRecords.canonicalJson(v));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }
}
