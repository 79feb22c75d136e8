package dev.lakesentry.reliability;

import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.testkit.fixtures.ContentHashes;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import dev.lakesentry.testkit.generator.GroundTruth;
import dev.lakesentry.testkit.generator.export.ExportFiles;
import dev.lakesentry.testkit.generator.export.GenerateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the scenarios share in one test JVM: the export files of a seeded synthetic account, and per store
 * kind the hashes of an undisturbed {@code import} + {@code run} of them and how long each phase took (once).
 */
final class Fixtures {
    /** The seed of every scenario's data and of its fault schedule. */
    static final long SEED = Long.getLong("lakesentry.reliability.seed", 13L);

    private static Path work;
    private static Path data;
    private static GroundTruth truth;
    private static final Map<String, Reference> REFERENCES = new LinkedHashMap<>();

    private Fixtures() {
    }

    /** A working directory under {@code target/reliability} (kept after the run for its logs). */
    static synchronized Path work() {
        if (work == null) {
            work = Path.of("target", "reliability").toAbsolutePath();
            try {
                Files.createDirectories(work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return work;
    }

    /** A new directory under the working directory. */
    static Path newDir(String name) {
        try {
            return Files.createTempDirectory(work(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generator's config: the small profile cut to 10 days with 2 days of node timeline (about 40 000 rows). */
    static GeneratorConfig config(long seed, String accountId) {
        return GeneratorConfig.small(seed).toBuilder().days(10).timelineRetentionDays(2).accountId(accountId).build();
    }

    /** The export files (JSON Lines) of the shared account. */
    static synchronized Path data() {
        if (data == null) {
            Path dir = newDir("data");
            truth = GenerateFiles.generate(config(SEED, null), dir, ExportFiles.Format.JSONL);
            data = dir;
        }
        return data;
    }

    static synchronized GroundTruth truth() {
        data();
        return truth;
    }

    /** Rows per table the shared account has. */
    static Map<String, Long> expectedRows() {
        return truth().rowCounts();
    }

    /** The undisturbed result on a store kind ({@code embedded} or {@code postgres}). */
    static synchronized Reference reference(String kind) {
        return REFERENCES.computeIfAbsent(kind, k -> {
            Path dir = newDir("reference-" + k);
            Stores.Target target = k.equals("embedded") ? Stores.embedded(dir.resolve("store")) : Stores.postgres(dir);
            Path logs = dir.resolve("logs");
            long t0 = System.nanoTime();
            RunnerProcess.run(logs, "import", target.args("import", data().toString())).assertOk();
            long t1 = System.nanoTime();
            RunnerProcess run = RunnerProcess.start(logs, "run", target.args("run"));
            run.awaitOutput(STORE_OPEN, java.time.Duration.ofMinutes(2));
            long t2 = System.nanoTime();
            run.awaitOutput(TRANSFORMED, java.time.Duration.ofMinutes(5));
            long t3 = System.nanoTime();
            RunnerProcess.Result done = run.await(java.time.Duration.ofMinutes(5)).assertOk();
            long t4 = System.nanoTime();
            try (JdbcStore store = target.open()) {
                Hashes h = Hashes.of(store, truth().accountId());
                RawIntegrity raw = RawIntegrity.of(store);
                return new Reference(target, h, raw, millis(t0, t1), millis(t1, t2), millis(t2, t3), millis(t3, t4), done.out());
            }
        });
    }

    /** The log line (runner --verbose) saying the store is open and migrated. */
    static final String STORE_OPEN = "LakeSentry store on";
    /** The log line saying the transformation committed; analysis follows. */
    static final String TRANSFORMED = "Transformed account";

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Appends a block of figures to {@code target/reliability/figures.md}, for docs/reliability.md. */
    static synchronized void figures(String text) {
        try {
            Files.writeString(work().resolve("figures.md"), text + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hashes of the ledger, the metrics and the insights with plans. */
    record Hashes(String ledger, String metrics, String insights) {
        static Hashes of(JdbcStore store, String account) {
            return new Hashes(ContentHashes.ledger(store, account), ContentHashes.metrics(store, account),
                    ContentHashes.insights(store, account));
        }
    }

    /** An undisturbed run: its hashes, raw layer and how long import and run took. */
    record Reference(Stores.Target target, Hashes hashes, RawIntegrity raw, long importMillis, long startMillis,
                     long transformMillis, long analysisMillis, String runOutput) {
    }
}
