package dev.lakesentry.core.transform;

import dev.lakesentry.store.jdbc.DatabaseServers;
import org.junit.jupiter.api.BeforeAll;

/** The demo-profile ledger truth and conservation checks on PostgreSQL (database profile). */
class LedgerTruthDemoPostgresIT extends LedgerTruthChecks {
    @BeforeAll
    static void buildDemoOnPostgres() {
        String schema = DatabaseServers.freshName();
        build(DatabaseServers.postgres(schema), () -> DatabaseServers.dropPostgresSchema(schema),
                LedgerTruthDemoTest.demo());
    }
}
