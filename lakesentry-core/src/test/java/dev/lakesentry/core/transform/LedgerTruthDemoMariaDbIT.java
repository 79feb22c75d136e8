package dev.lakesentry.core.transform;

import dev.lakesentry.store.jdbc.DatabaseServers;
import org.junit.jupiter.api.BeforeAll;

/** The demo-profile ledger truth and conservation checks on MariaDB (database profile). */
class LedgerTruthDemoMariaDbIT extends LedgerTruthChecks {
    @BeforeAll
    static void buildDemoOnMariaDb() {
        String database = DatabaseServers.freshName();
        build(DatabaseServers.mariaDb(database), () -> DatabaseServers.dropMariaDbDatabase(database),
                LedgerTruthDemoTest.demo());
    }
}
