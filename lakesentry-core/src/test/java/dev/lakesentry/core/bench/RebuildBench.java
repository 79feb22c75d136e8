package dev.lakesentry.core.bench;

import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageResult;
import dev.lakesentry.core.LakeSentry;
import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.store.jdbc.JdbcStoreConfig;
import dev.lakesentry.testkit.generator.AccountGenerator;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, not a test (never run by {@code mvn verify}): a full rebuild of the ledger from raw data next to
 * the store's own bare time for copying the same raw rows ({@code INSERT … SELECT} of every raw table into a
 * scratch table) in the same run. The account is the large profile's shape with a chosen number of days and
 * days of node timeline, streamed from the generator through {@code ingestion().push} in pushes of 20,000.
 *
 * <p>Usage: {@code RebuildBench <h2|postgresql> <days> <timelineDays> [repeats]}; see docs/benchmarks.md.
 */
public final class RebuildBench {
    private static final Logger LOG = LoggerFactory.getLogger(RebuildBench.class);
    private static final int PUSH = 20_000;

    private RebuildBench() {
    }

    public static void main(String[] args) throws Exception {
        String dialect = args[0];
        int days = Integer.parseInt(args[1]);
        int timelineDays = Integer.parseInt(args[2]);
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        GeneratorConfig config = GeneratorConfig.large(7).toBuilder().days(days).timelineRetentionDays(timelineDays)
                .accountId("rebuild-bench").build();
        String schema = "ls_rebuild_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Path dir = null;
        JdbcStore store;
        if (dialect.equals("h2")) {
            dir = Files.createTempDirectory("ls-rebuild-bench");
            store = JdbcStore.embedded(dir);
        } else {
            store = JdbcStore.connect(JdbcStoreConfig.builder(
                    System.getProperty("lakesentry.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"))
                    .user(System.getProperty("lakesentry.pg.user", "postgres")).schema(schema).build());
        }
        try (store) {
            LakeSentry ls = LakeSentry.builder().store(store).build();
            String account = config.accountId();
            BearerToken token = ls.tokens().issue("bench", account).token();
            long t0 = System.nanoTime();
            long rows = load(ls, token, config);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            LOG.info("Loaded {} raw rows in {} s", rows, String.format(Locale.ROOT, "%.1f", loadSeconds));

            List<String> results = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                long a = System.nanoTime();
                StageResult rebuilt = ls.rebuild(account);
                long b = System.nanoTime();
                if (rebuilt.outcome() != StageOutcome.SUCCEEDED) {
                    throw new IllegalStateException("Rebuild did not succeed: " + rebuilt);
                }
                long copied = copyRaw(store);
                long c = System.nanoTime();
                dropScratch(store);
                double rebuild = (b - a) / 1e9;
                double copy = (c - b) / 1e9;
                results.add(String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %.1f | %.1f | %.2f |", dialect, r + 1, rows,
                        rebuilt.rowsOut(), rebuild, copy, rebuild / copy));
                if (copied != rows) {
                    throw new IllegalStateException("Copied " + copied + " raw rows, loaded " + rows);
                }
            }
            LOG.info("Full rebuild, large profile shape, {} days, {} days of node timeline:\n"
                    + "| store | run | raw rows | ledger rows | rebuild s | INSERT…SELECT copy s | ratio |\n"
                    + "|---|---|---|---|---|---|---|\n{}", days, timelineDays, String.join("\n", results));
        } finally {
            if (!dialect.equals("h2")) {
                try (Connection c = java.sql.DriverManager.getConnection(
                        System.getProperty("lakesentry.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                        System.getProperty("lakesentry.pg.user", "postgres"), ""); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** Streams the generated account into pushes of {@link #PUSH} records (snapshot tables whole). */
    private static long load(LakeSentry ls, BearerToken token, GeneratorConfig config) {
        Map<SystemTable, List<SourceRecord>> buffers = new EnumMap<>(SystemTable.class);
        int[] chunk = {0};
        long[] rows = {0};
        WatermarkRange range = new WatermarkRange(null, config.periodEnd());
        AccountGenerator.generate(config, (table, row) -> {
            List<SourceRecord> buffer = buffers.computeIfAbsent(table, t -> new ArrayList<>(PUSH));
            buffer.add(row);
            rows[0]++;
            if (table.mode() == ExtractionMode.INCREMENTAL && buffer.size() == PUSH) {
                push(ls, token, config, table, buffer, range, chunk[0]++);
                buffer.clear();
            }
        });
        for (Map.Entry<SystemTable, List<SourceRecord>> e : buffers.entrySet()) {
            if (!e.getValue().isEmpty()) {
                push(ls, token, config, e.getKey(), e.getValue(), e.getKey().mode() == ExtractionMode.SNAPSHOT ? null : range,
                        chunk[0]++);
            }
        }
        return rows[0];
    }

    private static void push(LakeSentry ls, BearerToken token, GeneratorConfig config, SystemTable table,
                             List<SourceRecord> records, WatermarkRange range, int chunk) {
        ls.ingestion().push(PushEnvelope.create("rb-" + config.seed() + "-" + chunk, "bench", config.accountId(), table,
                range, List.copyOf(records)), token);
    }

    /** INSERT … SELECT of every raw data table into a scratch copy; returns the rows copied. */
    private static long copyRaw(JdbcStore store) throws SQLException {
        long copied = 0;
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            List<String> tables = rawTables(c);
            try (Statement s = c.createStatement()) {
                for (String t : tables) {
                    s.execute("CREATE TABLE scratch_" + t + " AS SELECT * FROM " + t + " WHERE 1 = 0");
                    copied += s.executeUpdate("INSERT INTO scratch_" + t + " SELECT * FROM " + t);
                }
                c.commit();
            }
        }
        return copied;
    }

    private static void dropScratch(JdbcStore store) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String t : rawTables(c)) {
                s.execute("DROP TABLE IF EXISTS scratch_" + t);
            }
        }
    }

    private static List<String> rawTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), null, new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (name.startsWith("raw_") && !name.startsWith("raw_extraction") && !name.equals("raw_rejection")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }
}
