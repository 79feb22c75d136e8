package dev.lakesentry.core.transform;

import dev.lakesentry.store.jdbc.JdbcStore;
import dev.lakesentry.testkit.generator.GeneratorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ledger-truth and conservation check of {@link LedgerTruthChecks} on the demo profile (4 workspaces, 60
 * days, every billing, query, run and warehouse row of it) on the embedded store, in a file as a host would
 * run it (in memory, the whole demo account does not fit a default test heap). The per-minute node timeline
 * is kept for the last 7 days instead of 90: no cost, allocation or score reads it, and its 1.5 million rows
 * would triple the run time.
 */
class LedgerTruthDemoTest extends LedgerTruthChecks {

    /** The demo profile as the truth tests use it everywhere. */
    static GeneratorConfig demo() {
        return GeneratorConfig.demo(42).toBuilder().timelineRetentionDays(7).build();
    }

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildDemoEmbedded() {
        build(JdbcStore.embedded(dir), () -> { }, demo());
    }
}
