package dev.lakesentry.core.transform;

import dev.lakesentry.store.jdbc.JdbcStore;
import org.junit.jupiter.api.BeforeAll;

/** The ledger-truth checks on the small profile, on the embedded store in memory. */
class LedgerTruthTest extends LedgerTruthChecks {
    @BeforeAll
    static void buildSmallLedger() {
        build(JdbcStore.inMemory("ledger-truth-" + java.util.UUID.randomUUID()), () -> { });
    }
}
