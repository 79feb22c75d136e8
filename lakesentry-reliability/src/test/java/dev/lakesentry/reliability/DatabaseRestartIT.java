package dev.lakesentry.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lakesentry.reliability.Fixtures.Hashes;
import dev.lakesentry.store.jdbc.JdbcStore;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2: PostgreSQL restarted while the runner's {@code serve} transforms. The stage fails cleanly, the
 * next scheduled run retries it on the same process (its pool reconnects), and the result equals an
 * undisturbed run.
 */
class DatabaseRestartIT {
    @Test
    void postgresRestartDuringTransformation() throws Exception {
        String[] versions = new File("/etc/postgresql").list();
        assumeTrue(versions != null && versions.length == 1 && "root".equals(System.getProperty("user.name")),
                "restarting PostgreSQL needs root and one cluster under /etc/postgresql");
        Fixtures.Reference ref = Fixtures.reference("postgres");
        Path dir = Fixtures.newDir("pg-restart");
        Stores.Target target = Stores.postgres(dir);
        Path logs = dir.resolve("logs");
        RunnerProcess.run(logs, "import", target.quiet("import", Fixtures.data().toString())).assertOk();
        RunnerProcess serve = RunnerProcess.start(logs, "serve", target.args("serve", "--port", "0", "--interval", "PT2S"));
        String account = Fixtures.truth().accountId();
        long restartMillis;
        String statement;
        try {
            Http.of(serve);
            statement = awaitLedgerStatement(target, Duration.ofMinutes(3));
            assertThat(statement).as("a transformation statement of the serve process, seen in pg_stat_activity").isNotNull();
            long t0 = System.nanoTime();
            Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main", "restart")
                    .redirectErrorStream(true).start();
            assertThat(restart.waitFor()).as("pg_ctlcluster restart: %s", new String(restart.getInputStream().readAllBytes())).isZero();
            restartMillis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(serve.awaitOutput("pipeline for " + account + " failed", Duration.ofMinutes(3)))
                    .as("the interrupted run is reported as failed").isTrue();
            assertThat(awaitSuccessAfterFailure(serve, account, Duration.ofMinutes(5))).as("a later run succeeds; stdout:%n%s",
                    serve.out()).isTrue();
            assertThat(serve.alive()).as("the same serve process (pid %d) is still running", serve.pid()).isTrue();
        } finally {
            serve.stop(Duration.ofMinutes(2));
        }
        String failure = serve.err().lines().filter(l -> l.contains("pipeline for " + account + " failed")).findFirst().orElseThrow();
        Hashes after;
        RawIntegrity raw;
        try (JdbcStore store = target.open()) {
            after = Hashes.of(store, account);
            raw = RawIntegrity.of(store);
        }
        Fixtures.figures(String.format(Locale.ROOT, "### PostgreSQL restart during a transformation (runner `serve --interval PT2S`)%n"
                        + "faults 1 (restart took %d ms, hit statement `%s…`); survived %d; first run after it: `%s`; later run "
                        + "succeeded on the same process (pid %d); rows lost %d, duplicated %d; hashes equal: ledger %s, metrics %s, "
                        + "insights %s%n", restartMillis, statement.substring(0, Math.min(60, statement.length())).replaceAll("\\s+", " "),
                after.equals(ref.hashes()) ? 1 : 0, failure.replaceAll("^.*?pipeline for", "pipeline for").replace(Fixtures.work().toString(), "…"),
                serve.pid(), raw.lostAgainst(Fixtures.expectedRows()), raw.extraAgainst(Fixtures.expectedRows()) + raw.duplicateRows(),
                after.ledger().equals(ref.hashes().ledger()), after.metrics().equals(ref.hashes().metrics()),
                after.insights().equals(ref.hashes().insights())));
        assertThat(raw.rows()).isEqualTo(Fixtures.expectedRows());
        assertThat(raw.duplicateRows()).isZero();
        assertThat(after).as("hashes after the restart and retry").isEqualTo(ref.hashes());
        target.drop();
    }

    /** Polls pg_stat_activity until the runner's connections run a statement writing the ledger. */
    private static String awaitLedgerStatement(Stores.Target target, Duration limit) throws SQLException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection c = DriverManager.getConnection(Stores.PG_URL, Stores.PG_USER,
                Stores.PG_PASSWORD.isEmpty() ? null : Stores.PG_PASSWORD);
             PreparedStatement ps = c.prepareStatement("SELECT query FROM pg_stat_activity WHERE application_name = ? "
                     + "AND state = 'active' AND query ILIKE '%ledger_%' AND (query ILIKE 'insert%' OR query ILIKE 'delete%' "
                     + "OR query ILIKE 'update%' OR query ILIKE 'with%' OR query ILIKE 'merge%')")) {
            ps.setString(1, target.applicationName());
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1).strip();
                    }
                }
                RunnerProcess.pause(5);
            }
        }
        return null;
    }

    private static boolean awaitSuccessAfterFailure(RunnerProcess serve, String account, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && serve.alive()) {
            if (serve.out().contains("pipeline for " + account + ": SUCCEEDED")) {
                return true;
            }
            RunnerProcess.pause(50);
        }
        return false;
    }

}
