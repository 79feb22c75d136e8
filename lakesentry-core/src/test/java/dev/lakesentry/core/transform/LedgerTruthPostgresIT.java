package dev.lakesentry.core.transform;

import dev.lakesentry.store.jdbc.DatabaseServers;
import org.junit.jupiter.api.BeforeAll;

/** The ledger truth test on a real PostgreSQL server, in a fresh schema. */
class LedgerTruthPostgresIT extends LedgerTruthChecks {
    @BeforeAll
    static void buildSmallOnPostgres() {
        String schema = DatabaseServers.freshName();
        build(DatabaseServers.postgres(schema), () -> DatabaseServers.dropPostgresSchema(schema));
    }
}
