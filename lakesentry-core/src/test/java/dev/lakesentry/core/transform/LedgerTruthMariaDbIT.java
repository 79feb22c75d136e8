package dev.lakesentry.core.transform;

import dev.lakesentry.store.jdbc.DatabaseServers;
import org.junit.jupiter.api.BeforeAll;

/** The ledger truth test on a real MariaDB server, in a fresh database. */
class LedgerTruthMariaDbIT extends LedgerTruthChecks {
    @BeforeAll
    static void buildSmallOnMariaDb() {
        String database = DatabaseServers.freshName();
        build(DatabaseServers.mariaDb(database), () -> DatabaseServers.dropMariaDbDatabase(database));
    }
}
