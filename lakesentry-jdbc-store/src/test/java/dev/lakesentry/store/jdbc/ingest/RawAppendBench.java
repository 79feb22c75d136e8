package dev.lakesentry.store.jdbc.ingest;

import dev.lakesentry.api.push.CanonicalRecords;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.ReceiptStatus;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.store.jdbc.JdbcStoreConfig;
import dev.lakesentry.store.jdbc.internal.Dialect;
import dev.lakesentry.store.jdbc.internal.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, not a test (it never runs in {@code mvn verify}): appends N billing-usage raw records through
 * {@code RawWriter.append} and, interleaved push by push into the same table, bulk-loads the same rows the
 * database's bare way (COPY on PostgreSQL, a plain JDBC batch of single-row INSERTs on H2 and MariaDB) from
 * values already converted. Reports records/s of both and their ratio, and the table's size per million rows.
 * Usage: {@code RawAppendBench [rows] [h2,postgresql,mariadb]}; see docs/benchmarks.md.
 */
public final class RawAppendBench {
    private static final Logger LOG = LoggerFactory.getLogger(RawAppendBench.class);
    private static final int PUSH = 10_000;

    private RawAppendBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        List<String> dialects = List.of((args.length > 1 ? args[1] : "h2,postgresql,mariadb").split(","));
        List<String> report = new ArrayList<>();
        for (String d : dialects) {
            report.add(run(d.trim(), rows));
        }
        LOG.info("Raw append, {} billing-usage rows per path:\n| dialect | append rec/s | bare load rec/s | ratio | size per 1M raw rows |\n|---|---|---|---|---|\n{}",
                rows, String.join("\n", report));
    }

    private static String run(String dialect, int rows) throws Exception {
        String name = "ls_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path dir = null;
        JdbcStore store;
        switch (dialect) {
            case "h2" -> {
                dir = Files.createTempDirectory("lakesentry-bench-");
                store = JdbcStore.embedded(dir);
            }
            case "postgresql" -> store = JdbcStore.connect(JdbcStoreConfig.builder(
                    System.getProperty("lakesentry.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"))
                    .user(System.getProperty("lakesentry.pg.user", "postgres")).schema(name).build());
            case "mariadb" -> {
                String url = System.getProperty("lakesentry.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
                try (Connection c = DriverManager.getConnection(url, "root", null); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                }
                store = JdbcStore.connect(JdbcStoreConfig.builder(url).user("root").schema(name).build());
            }
            default -> throw new IllegalArgumentException("Unknown dialect " + dialect);
        }
        Dialect d = Dialect.forUrl(dialect.equals("h2") ? "jdbc:h2:" : dialect.equals("postgresql") ? "jdbc:postgresql:"
                : "jdbc:mariadb:");
        String table = RawTables.tableName(SystemTable.BILLING_USAGE);
        List<String> columns = RawTables.allColumns(SystemTable.BILLING_USAGE);
        List<RawTables.RawColumn> typed = RawTables.typedColumns(SystemTable.BILLING_USAGE);
        int[] types = new int[columns.size()];
        types[0] = java.sql.Types.VARCHAR;
        types[1] = java.sql.Types.VARCHAR;
        types[2] = java.sql.Types.BIGINT;
        types[3] = java.sql.Types.INTEGER;
        for (int i = 0; i < typed.size(); i++) {
            types[4 + i] = typed.get(i).sqlType();
        }
        types[types.length - 1] = java.sql.Types.VARCHAR;
        String copySql = Sql.loadVariant(JdbcRawWriter.class, "append_billing_usage", d);
        String single = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + "?,".repeat(columns.size() - 1) + "?)";

        long appendNanos = 0;
        long bareNanos = 0;
        int pushes = (rows + PUSH - 1) / PUSH;
        for (int p = 0; p < pushes; p++) {
            int n = Math.min(PUSH, rows - p * PUSH);
            List<SourceRecord> records = records(p, n);
            PushEnvelope env = PushEnvelope.create("bench-" + p, "bench", "acc-append", SystemTable.BILLING_USAGE,
                    new WatermarkRange(null, Instant.parse("2025-03-05T00:00:00Z")), records);
            List<Object[]> bare = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Map<String, Object> v = records.get(i).values();
                Object[] row = new Object[columns.size()];
                row[0] = "acc-bare";
                row[1] = "bare-" + p;
                row[2] = -1L - p;
                row[3] = i;
                for (int c = 0; c < typed.size(); c++) {
                    row[4 + c] = RawValues.extract(v, typed.get(c));
                }
                row[row.length - 1] = CanonicalRecords.canonicalJson(v);
                bare.add(row);
            }
            long t0 = System.nanoTime();
            store.rawWriter().append(env, ReceiptStatus.APPENDED, Instant.parse("2025-03-05T01:00:00Z"), java.util.Collections.emptySortedSet());
            long t1 = System.nanoTime();
            try (Connection c = store.dataSource().getConnection()) {
                c.setAutoCommit(false);
                if (copySql != null) {
                    d.bulkAppend(c, null, copySql, types, bare);
                } else {
                    try (PreparedStatement ps = c.prepareStatement(single)) {
                        for (Object[] row : bare) {
                            for (int col = 0; col < row.length; col++) {
                                d.setValue(ps, col + 1, types[col], row[col]);
                            }
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                c.commit();
            }
            long t2 = System.nanoTime();
            appendNanos += t1 - t0;
            bareNanos += t2 - t1;
            if ((p + 1) % 20 == 0) {
                LOG.info("{}: {} of {} pushes", dialect, p + 1, pushes);
            }
        }
        double appendRate = rows / (appendNanos / 1e9);
        double bareRate = rows / (bareNanos / 1e9);
        long bytes = size(dialect, store, name);
        store.close();
        String compacted = "";
        if (dir != null) {
            bytes = Files.size(dir.resolve("lakesentry.mv.db"));
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("lakesentry"));
                 Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            compacted = String.format(" (%.0f MiB after SHUTDOWN COMPACT)",
                    Files.size(dir.resolve("lakesentry.mv.db")) / (2.0 * rows / 1_000_000.0) / (1024 * 1024));
            delete(dir);
        } else if (dialect.equals("postgresql")) {
            try (Connection c = DriverManager.getConnection(System.getProperty("lakesentry.pg.url",
                    "jdbc:postgresql://127.0.0.1:5432/test"), "postgres", null); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + name + " CASCADE");
            }
        } else {
            try (Connection c = DriverManager.getConnection(System.getProperty("lakesentry.mariadb.url",
                    "jdbc:mariadb://127.0.0.1:3306/test"), "root", null); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + name);
            }
        }
        double perMillion = bytes / (2.0 * rows / 1_000_000.0) / (1024 * 1024);
        return String.format("| %s | %,.0f | %,.0f | %.2f | %.0f MiB%s |", dialect, appendRate, bareRate,
                appendRate / bareRate, perMillion, compacted);
    }

    /** Table plus index bytes (PostgreSQL, MariaDB); H2 is measured as the closed file afterwards. */
    private static long size(String dialect, JdbcStore store, String name) throws SQLException {
        String sql = switch (dialect) {
            case "postgresql" -> "SELECT pg_total_relation_size('raw_billing_usage')";
            case "mariadb" -> "SELECT data_length + index_length FROM information_schema.tables WHERE table_schema = '"
                    + name + "' AND table_name = 'raw_billing_usage'";
            default -> null;
        };
        if (sql == null) {
            return 0;
        }
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (dialect.equals("mariadb")) {
                s.execute("ANALYZE TABLE raw_billing_usage");
            }
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<SourceRecord> records(int push, int n) {
        List<SourceRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long k = (long) push * PUSH + i;
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(k % 60);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("record_id", UUID.nameUUIDFromBytes(Long.toString(k).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString());
            v.put("account_id", "acc-bench");
            v.put("workspace_id", Long.toString(1_000_000_000L + k % 7));
            v.put("sku_name", k % 3 == 0 ? "PREMIUM_JOBS_COMPUTE" : "PREMIUM_ALL_PURPOSE_COMPUTE");
            v.put("cloud", "AWS");
            v.put("usage_start_time", day + "T" + String.format("%02d", k % 24) + ":00:00.000Z");
            v.put("usage_end_time", day + "T" + String.format("%02d", k % 24) + ":59:59.999Z");
            v.put("usage_date", day.toString());
            v.put("custom_tags", Map.of("team", "team-" + k % 11));
            v.put("usage_unit", "DBU");
            v.put("usage_quantity", (k % 1000) + "." + String.format("%06d", k % 999_983));
            v.put("usage_metadata", Map.of("cluster_id", "0101-" + k % 97, "job_id", Long.toString(k % 503),
                    "job_run_id", Long.toString(k)));
            v.put("identity_metadata", Map.of("run_as", "svc-" + k % 13 + "@example.com"));
            v.put("record_type", "ORIGINAL");
            v.put("ingestion_date", day.plusDays(1).toString());
            v.put("billing_origin_product", "JOBS");
            v.put("product_features", Map.of("is_serverless", false));
            v.put("usage_type", "COMPUTE_TIME");
            out.add(new SourceRecord(v));
        }
        return out;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
