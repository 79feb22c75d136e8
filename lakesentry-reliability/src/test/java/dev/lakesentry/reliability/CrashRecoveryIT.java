package dev.lakesentry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.reliability.Fixtures.Hashes;
import dev.lakesentry.reliability.Fixtures.Reference;
import dev.lakesentry.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1: {@code kill -9} of the runner at seeded random points during import, transformation and
 * analysis. After each kill the raw layer holds no partial push and no duplicate row; after a restart and
 * a {@code run}, the ledger, metrics and insights hash like a run that never crashed.
 */
class CrashRecoveryIT {
    private static final int IMPORT_KILLS = Integer.getInteger("lakesentry.reliability.importKills", 5);
    private static final int TRANSFORM_KILLS = Integer.getInteger("lakesentry.reliability.transformKills", 3);
    private static final int ANALYSIS_KILLS = Integer.getInteger("lakesentry.reliability.analysisKills", 2);
    private static final Pattern INGESTED = Pattern.compile("Ingested imp-");

    /** One injected fault. */
    record Kill(String aimedAt, String landedIn, long delayMillis, boolean killed) {
    }

    @Test
    void theEmbeddedStoreSurvivesKillNine() {
        crashAndRecover("embedded", Fixtures.SEED);
    }

    @Test
    void postgresSurvivesKillNine() {
        crashAndRecover("postgres", Fixtures.SEED + 1);
    }

    private void crashAndRecover(String kind, long seed) {
        Reference ref = Fixtures.reference(kind);
        Path dir = Fixtures.newDir("crash-" + kind);
        Stores.Target target = kind.equals("embedded") ? Stores.embedded(dir.resolve("store")) : Stores.postgres(dir);
        Path logs = dir.resolve("logs");
        Random random = new Random(seed);
        List<Kill> kills = new ArrayList<>();
        long partial = 0;
        long orphans = 0;
        long duplicates = 0;

        // Import: kill once the store is open, after a seeded number (0 or 1) of this process's pushes and a seeded
        // delay (mid-push, mostly). A kill that comes too late (the import finished) is retried with half the delay.
        double scale = 1.0;
        for (int attempt = 0; count(kills, "import") < IMPORT_KILLS && attempt < IMPORT_KILLS * 3; attempt++) {
            RunnerProcess p = RunnerProcess.start(logs, "import", target.args("import", Fixtures.data().toString()));
            int pushes = random.nextInt(2);
            long delay = (long) (random.nextInt(800) * scale);
            p.awaitOutput(Fixtures.STORE_OPEN, Duration.ofMinutes(2));
            awaitCount(p, INGESTED, pushes);
            RunnerProcess.pause(delay);
            boolean killed = p.killHard();
            kills.add(new Kill("import", killed ? "import" : "(finished first)", delay, killed));
            if (!killed) {
                scale /= 2;
                continue;
            }
            RawIntegrity raw = raw(target);
            partial += raw.partialPushes();
            orphans += raw.orphanRows();
            duplicates += raw.duplicateRows();
        }
        RunnerProcess.run(logs, "import-again", target.args("import", Fixtures.data().toString())).assertOk();

        // Transformation: kill a seeded fraction of the way through it (as timed on the undisturbed run).
        scale = 1.0;
        for (int i = 0; count(kills, "transformation") < TRANSFORM_KILLS && i < TRANSFORM_KILLS * 3; i++) {
            Kill k = killRun(target, logs, "transformation", Fixtures.STORE_OPEN,
                    (long) (ref.transformMillis() * scale * (0.05 + 0.8 * random.nextDouble())));
            kills.add(k);
            scale = k.killed() ? scale : scale / 2;
        }
        // Analysis: kill a seeded fraction of the way through it, after the transformation committed. Each kill
        // needs a freshly committed transformation, so these run 'rebuild' (which also truncates the analysis layers);
        // after each, a plain 'run' must give the undisturbed result (only the last kill's state would reach the
        // final check otherwise).
        int analysisMismatches = 0;
        List<String> mismatchLayers = new ArrayList<>();
        scale = 1.0;
        for (int i = 0; count(kills, "analysis") < ANALYSIS_KILLS && i < ANALYSIS_KILLS * 3; i++) {
            Kill k = killRun(target, logs, "analysis", Fixtures.TRANSFORMED,
                    (long) (ref.analysisMillis() * scale * (0.02 + 0.9 * random.nextDouble())));
            kills.add(k);
            scale = k.killed() ? scale : scale / 2;
            if (k.killed()) {
                RunnerProcess.run(logs, "run-after-analysis-kill", target.args("run")).assertOk();
                try (JdbcStore store = target.open()) {
                    RawIntegrity raw = RawIntegrity.of(store);
                    partial += raw.partialPushes();
                    duplicates += raw.duplicateRows();
                    Hashes h = Hashes.of(store, Fixtures.truth().accountId());
                    if (!h.equals(ref.hashes())) {
                        analysisMismatches++;
                        mismatchLayers.add("kill " + kills.size() + ":"
                                + (h.ledger().equals(ref.hashes().ledger()) ? "" : " ledger")
                                + (h.metrics().equals(ref.hashes().metrics()) ? "" : " metrics")
                                + (h.insights().equals(ref.hashes().insights()) ? "" : " insights"));
                    }
                }
            }
        }

        RunnerProcess.run(logs, "run-after-crashes", target.args("run")).assertOk();
        Hashes after;
        RawIntegrity raw;
        try (JdbcStore store = target.open()) {
            after = Hashes.of(store, Fixtures.truth().accountId());
            raw = RawIntegrity.of(store);
        }
        long landed = kills.stream().filter(Kill::killed).count();
        StringBuilder fig = new StringBuilder(String.format(Locale.ROOT,
                "### Crash (%s, seed %d)%n%d kill -9 injected (%d import, %d transformation, %d analysis); survived %d; "
                        + "rows lost %d, rows duplicated %d, partial pushes seen after a kill %d, orphan rows %d; runs after an analysis kill that "
                        + "differed %d; final hashes equal: ledger %s, metrics %s, insights %s%n%n| # | aimed at | landed in | delay ms | killed |%n|---|---|---|---|---|%n",
                kind, seed, landed, count(kills, "import"), countLanded(kills, "transformation"), countLanded(kills, "analysis"),
                after.equals(ref.hashes()) ? landed - analysisMismatches : 0, raw.lostAgainst(Fixtures.expectedRows()),
                raw.extraAgainst(Fixtures.expectedRows()) + raw.duplicateRows() + duplicates, partial, orphans, analysisMismatches,
                after.ledger().equals(ref.hashes().ledger()), after.metrics().equals(ref.hashes().metrics()),
                after.insights().equals(ref.hashes().insights())));
        for (int i = 0; i < kills.size(); i++) {
            Kill k = kills.get(i);
            fig.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %s |%n", i + 1, k.aimedAt(), k.landedIn(), k.delayMillis(),
                    k.killed()));
        }
        if (!mismatchLayers.isEmpty()) {
            fig.append(System.lineSeparator()).append("Layers that differed after an analysis kill: ")
                    .append(String.join("; ", mismatchLayers)).append(System.lineSeparator());
        }
        Fixtures.figures(fig.toString());

        assertThat(landed).as("kills that hit a running process").isEqualTo(IMPORT_KILLS + TRANSFORM_KILLS + ANALYSIS_KILLS);
        assertThat(analysisMismatches).as("runs after an analysis kill whose hashes differ from the undisturbed run (layers: "
                + mismatchLayers + ")").isZero();
        assertThat(partial).as("partial pushes seen in raw right after a kill").isZero();
        assertThat(orphans).as("raw rows of no registered push right after a kill").isZero();
        assertThat(duplicates + raw.duplicateRows()).as("raw rows stored twice").isZero();
        assertThat(raw.rows()).as("raw rows per table after recovery").isEqualTo(Fixtures.expectedRows());
        assertThat(after.ledger()).as("ledger hash").isEqualTo(ref.hashes().ledger());
        assertThat(after.metrics()).as("metrics hash").isEqualTo(ref.hashes().metrics());
        assertThat(after.insights()).as("insights hash").isEqualTo(ref.hashes().insights());
        target.drop();
    }

    private static Kill killRun(Stores.Target target, Path logs, String aimedAt, String marker, long delay) {
        String command = aimedAt.equals("analysis") ? "rebuild" : "run";
        RunnerProcess p = RunnerProcess.start(logs, command + "-" + aimedAt, target.args(command));
        if (!p.awaitOutput(marker, Duration.ofMinutes(5))) {
            // the transformation had committed before (nothing new): analysis starts once the store is open
            p.awaitOutput(Fixtures.STORE_OPEN, Duration.ofMinutes(2));
        }
        RunnerProcess.pause(delay);
        String seen = p.err();
        boolean killed = p.killHard();
        String landed = !killed ? "(finished first)" : seen.contains(Fixtures.TRANSFORMED) || seen.contains("INCREMENTAL) through")
                ? "analysis" : seen.contains(Fixtures.STORE_OPEN) ? "transformation" : "start-up";
        return new Kill(aimedAt, landed, delay, killed);
    }

    private static void awaitCount(RunnerProcess p, Pattern pattern, int n) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (p.alive() && System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(p.err());
            int c = 0;
            while (m.find()) {
                c++;
            }
            if (c >= n) {
                return;
            }
            RunnerProcess.pause(20);
        }
    }

    private static RawIntegrity raw(Stores.Target target) {
        try (JdbcStore store = target.open()) {
            return RawIntegrity.of(store);
        }
    }

    private static long count(List<Kill> kills, String aimedAt) {
        return kills.stream().filter(k -> k.killed() && k.aimedAt().equals(aimedAt)).count();
    }

    private static long countLanded(List<Kill> kills, String landed) {
        return kills.stream().filter(k -> k.killed() && k.landedIn().equals(landed)).count();
    }
}
