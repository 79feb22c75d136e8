package dev.lakesentry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.store.jdbc.JdbcStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4: 16 threads push over HTTP to the runner's {@code serve} (PostgreSQL store) for
 * {@code lakesentry.reliability.loadSeconds} (60 for the documented run, shorter in CI), about 5 % of them
 * repeating an accepted extraction id and 5 % invalid. Accepted pushes equal the distinct extraction ids in
 * raw; nothing lost, nothing duplicated; throughput and p99 latency reported.
 */
class LoadIT {
    private static final int THREADS = 16;
    private static final int RECORDS = 20;
    private static final String ACCOUNT = "acc-load";
    private static final String CONNECTOR = "load-collector";

    @Test
    void sixteenThreadsPushWithRepeatsAndInvalidPushes() throws Exception {
        int seconds = Integer.getInteger("lakesentry.reliability.loadSeconds", 10);
        Path dir = Fixtures.newDir("load");
        Stores.Target target = Stores.postgres(dir);
        Path logs = dir.resolve("logs");
        String token = RunnerProcess.run(logs, "token", target.quiet("--account", ACCOUNT, "token", "create", "--connector", CONNECTOR))
                .assertOk().out().strip();
        RunnerProcess serve = RunnerProcess.start(logs, "serve", target.quiet("serve", "--port", "0", "--interval", "PT1H"));
        Http http = Http.of(serve);

        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> invalidIds = ConcurrentHashMap.newKeySet();
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        long[] kinds = new long[3];
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                Random random = new Random(Fixtures.SEED * 31 + thread);
                List<String> mine = new ArrayList<>();
                List<String> mineJson = new ArrayList<>();
                long[] lat = new long[1 << 16];
                int n = 0;
                long[] counts = new long[3];
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    double r = random.nextDouble();
                    String json;
                    int expected;
                    int kind;
                    if (r < 0.05 && !mine.isEmpty()) {
                        json = mineJson.get(random.nextInt(mineJson.size()));
                        expected = 200;
                        kind = 1;
                    } else if (r < 0.10) {
                        String id = "load-" + thread + "-" + i + "-bad";
                        invalidIds.add(id);
                        json = Pushes.envelope(id, CONNECTOR, ACCOUNT, Pushes.billing(ACCOUNT, id, RECORDS, "lots")).toJson();
                        expected = 400;
                        kind = 2;
                    } else {
                        String id = "load-" + thread + "-" + i;
                        json = Pushes.envelope(id, CONNECTOR, ACCOUNT, Pushes.billing(ACCOUNT, id, RECORDS, "1.25")).toJson();
                        expected = 201;
                        kind = 0;
                        mine.add(id);
                        mineJson.add(json);
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.push(token, json);
                    long took = System.nanoTime() - t0;
                    if (n == lat.length) {
                        lat = java.util.Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = took;
                    statuses.merge(response.statusCode(), 1L, Long::sum);
                    counts[kind]++;
                    if (response.statusCode() != expected) {
                        throw new AssertionError("push of kind " + kind + " answered " + response.statusCode()
                                + " (expected " + expected + "): " + response.body());
                    }
                    if (kind == 0) {
                        accepted.add(mine.get(mine.size() - 1));
                    }
                }
                latencies.add(java.util.Arrays.copyOf(lat, n));
                return counts;
            }));
        }
        List<String> failures = new ArrayList<>();
        for (Future<long[]> f : results) {
            try {
                long[] c = f.get();
                for (int k = 0; k < 3; k++) {
                    kinds[k] += c[k];
                }
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause().toString());
            }
        }
        long elapsed = System.nanoTime() - started;
        pool.shutdown();
        serve.stop(Duration.ofMinutes(1));
        assertThat(failures).as("threads that saw an unexpected answer").isEmpty();

        long distinct;
        long rows;
        long invalidLanded;
        RawIntegrity raw;
        try (JdbcStore store = target.open(); Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            distinct = single(s, "SELECT COUNT(DISTINCT extraction_id) FROM raw_billing_usage WHERE account_id = '" + ACCOUNT + "'");
            rows = single(s, "SELECT COUNT(*) FROM raw_billing_usage WHERE account_id = '" + ACCOUNT + "'");
            invalidLanded = single(s, "SELECT COUNT(*) FROM raw_billing_usage WHERE extraction_id LIKE '%-bad'");
            raw = RawIntegrity.of(store);
        }
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        double secs = elapsed / 1e9;
        String fig = String.format(Locale.ROOT, "### Load (PostgreSQL, runner `serve`, %d threads, %d s)%n"
                        + "requests %,d (%,.0f/s): new pushes %,d (accepted 201), repeats %,d (200 with the original receipt), "
                        + "invalid %,d (400); statuses %s; accepted pushes %,d = distinct extraction ids in raw %,d; rows %,d "
                        + "(expected %,d): lost %d, duplicated %d; invalid rows landed %d; %,.0f rows/s accepted; latency p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n",
                THREADS, seconds, all.length, all.length / secs, kinds[0], kinds[1], kinds[2], new TreeMap<>(statuses),
                accepted.size(), distinct, rows, accepted.size() * (long) RECORDS, Math.max(0, accepted.size() * (long) RECORDS - rows),
                Math.max(0, rows - accepted.size() * (long) RECORDS) + raw.duplicateRows(), invalidLanded,
                accepted.size() * (double) RECORDS / secs, pct(all, 0.50), pct(all, 0.99), all[all.length - 1] / 1e6);
        Fixtures.figures(fig);

        assertThat(statuses.keySet()).as("statuses").containsOnly(200, 201, 400);
        assertThat(distinct).as("distinct extraction ids in raw").isEqualTo(accepted.size());
        assertThat(rows).as("raw rows").isEqualTo(accepted.size() * (long) RECORDS);
        assertThat(invalidLanded).isZero();
        assertThat(raw.duplicateRows()).isZero();
        assertThat(raw.partialPushes()).isZero();
        assertThat(kinds[1]).as("repeats sent").isPositive();
        assertThat(kinds[2]).as("invalid pushes sent").isPositive();
        target.drop();
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
