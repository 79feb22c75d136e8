package dev.lakesentry.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lakesentry.reliability.Fixtures.Hashes;
import dev.lakesentry.store.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3: the embedded store's data directory on a small tmpfs that fills up, then turns read-only. Each
 * fault gives one clear error naming the path; afterwards the store opens intact and a run gives the
 * undisturbed result. Needs root (mount); skipped otherwise.
 */
class StorageFaultsIT {
    @Test
    void fullAndReadOnlyDataDirectory() throws Exception {
        Path dir = Fixtures.newDir("storage");
        Path mount = dir.resolve("mnt");
        Files.createDirectories(mount);
        mountPoint = mount;
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()) == 0,
                "mounting a tmpfs needs root (CAP_SYS_ADMIN)");
        Path storeDir = mount.resolve("store");
        Stores.Target target = Stores.embedded(storeDir);
        Path logs = dir.resolve("logs");
        List<String> figures = new ArrayList<>();
        try {
            Fixtures.Reference ref = Fixtures.reference("embedded");
            // 1. The disk fills during import.
            RunnerProcess.Result full = RunnerProcess.run(logs, "import-full", target.quiet("import", Fixtures.data().toString()));
            figures.add(row("import onto a full 4 MB tmpfs", full));
            assertThat(full.exitCode()).as("import on a full disk; stderr %s", full.err()).isEqualTo(1);
            assertThat(full.err()).contains(storeDir.toString());
            remount("size=512m");
            RunnerProcess.Result again = RunnerProcess.run(logs, "import-again", target.quiet("import", Fixtures.data().toString()));
            figures.add(row("import again after the disk grew to 512 MB", again));
            again.assertOk();

            // 2. The disk fills during the transformation.
            Path filler = mount.resolve("filler");
            fill(filler);
            RunnerProcess.Result runFull = RunnerProcess.run(logs, "run-full", target.quiet("run"));
            figures.add(row("run with the disk filled up (a filler file took the free space)", runFull));
            assertThat(runFull.exitCode()).as("run on a full disk; stderr %s", runFull.err()).isEqualTo(1);
            assertThat(runFull.err()).contains(storeDir.toString());
            Files.delete(filler);

            // 3. The directory turns read-only.
            remount("ro");
            RunnerProcess.Result readOnly = RunnerProcess.run(logs, "run-ro", target.quiet("run"));
            figures.add(row("run on a read-only data directory", readOnly));
            assertThat(readOnly.exitCode()).as("run on a read-only directory; stderr %s", readOnly.err()).isEqualTo(1);
            assertThat(readOnly.err()).contains(storeDir.toString());
            remount("rw");

            RunnerProcess.Result recovered = RunnerProcess.run(logs, "run", target.quiet("run"));
            figures.add(row("run after the faults", recovered));
            recovered.assertOk();
            Hashes after;
            RawIntegrity raw;
            try (JdbcStore store = target.open()) {
                after = Hashes.of(store, Fixtures.truth().accountId());
                raw = RawIntegrity.of(store);
            }
            StringBuilder fig = new StringBuilder(String.format(Locale.ROOT, "### Storage faults (embedded store on a tmpfs)%n"
                            + "faults 3; survived %d; rows lost %d, duplicated %d; hashes equal: ledger %s, metrics %s, insights %s%n%n"
                            + "| step | exit | stderr |%n|---|---|---|%n", after.equals(ref.hashes()) ? 3 : 0,
                    raw.lostAgainst(Fixtures.expectedRows()), raw.extraAgainst(Fixtures.expectedRows()) + raw.duplicateRows(),
                    after.ledger().equals(ref.hashes().ledger()), after.metrics().equals(ref.hashes().metrics()),
                    after.insights().equals(ref.hashes().insights())));
            figures.forEach(f -> fig.append(f).append('\n'));
            Fixtures.figures(fig.toString());
            assertThat(raw.rows()).isEqualTo(Fixtures.expectedRows());
            assertThat(raw.duplicateRows()).isZero();
            assertThat(raw.partialPushes()).isZero();
            assertThat(after).isEqualTo(ref.hashes());
        } finally {
            sh("umount", "-l", mount.toString());
        }
    }

    private String row(String step, RunnerProcess.Result r) {
        String err = r.err().strip().lines().filter(l -> l.startsWith("error:")).findFirst()
                .orElse(r.err().strip().lines().findFirst().orElse(""));
        return "| " + step + " | " + r.exitCode() + " | `" + err.replace(Fixtures.work().toString(), "…").replace("|", "\\|") + "` |";
    }

    private Path mountPoint;

    private void remount(String options) throws IOException, InterruptedException {
        assertThat(sh("mount", "-o", "remount," + options, mountPoint.toString())).as("remount %s", options).isZero();
    }

    /** Writes {@code file} until the file system has no space left. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).as("filling %s", file).contains("No space left");
        }
    }

    private int sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
