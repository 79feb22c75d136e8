package dev.lakesentry.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.push.ReceiptStatus;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.store.StageLease;
import dev.lakesentry.api.store.Store;
import dev.lakesentry.store.jdbc.internal.MariaDbDialect;
import dev.lakesentry.testkit.contract.StoreContract;
import dev.lakesentry.testkit.contract.StoreFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store contract on a real MariaDB server, in a fresh database per test; plus the trigger and lock checks. */
class MariaDbStoreContractIT extends StoreContract {
    private String database;

    @Override
    protected Store createStore() {
        database = DatabaseServers.freshName();
        return DatabaseServers.mariaDb(database);
    }

    @Override
    protected void dropStore(Store store) {
        try {
            store.close();
        } finally {
            DatabaseServers.dropMariaDbDatabase(database);
        }
    }

    @Test
    void triggersRefuseUpdateAndDeleteOfAppendOnlyTables() throws SQLException {
        store.rawWriter().append(StoreFixtures.billingPush("e-1", StoreFixtures.ACCOUNT, StoreFixtures.billingRecords("r", 2)),
                ReceiptStatus.APPENDED, StoreFixtures.at(StoreFixtures.DAY, 1, 0), java.util.Collections.emptySortedSet());
        try (Connection c = ((JdbcStore) store).dataSource().getConnection()) {
            for (String sql : List.of("UPDATE raw_billing_usage SET usage_quantity = 0", "DELETE FROM raw_billing_usage",
                    "UPDATE raw_extraction SET checksum = 'x'", "DELETE FROM raw_extraction")) {
                try (Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
                            .hasMessageContaining("append-only");
                }
            }
        }
        assertThat(store.rawReader().rowCount(StoreFixtures.ACCOUNT, SystemTable.BILLING_USAGE)).isEqualTo(2);
    }

    @Test
    void aCrashedHoldersLockIsReleasedWithItsSession() throws SQLException {
        Optional<StageLease> lease = store.stageLocks().tryAcquire(StoreFixtures.ACCOUNT, StageName.TRANSFORMATION, "doomed");
        assertThat(lease).isPresent();
        try (JdbcStore second = JdbcStore.connect(JdbcStoreConfig.builder(DatabaseServers.MARIADB_URL)
                .user(DatabaseServers.MARIADB_USER).schema(database).poolSize(4).build())) {
            assertThat(second.stageLocks().tryAcquire(StoreFixtures.ACCOUNT, StageName.TRANSFORMATION, "other")).isEmpty();
            try (Connection c = second.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
                ps.setString(1, MariaDbDialect.serverLockName(database, StoreFixtures.ACCOUNT, StageName.TRANSFORMATION));
                long holder;
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    holder = rs.getLong(1);
                    assertThat(rs.wasNull()).as("the lock has a holder").isFalse();
                }
                try (Statement s = c.createStatement()) {
                    s.execute("KILL " + holder);
                }
                // KILL returns before the server has ended the session; wait (bounded) until the lock is free.
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                boolean free = false;
                while (!free && System.nanoTime() < deadline) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rs.getLong(1);
                        free = rs.wasNull();
                    }
                    if (!free) {
                        Thread.onSpinWait();
                    }
                }
                assertThat(free).as("the killed session's lock is free").isTrue();
            }
            Optional<StageLease> taken = second.stageLocks().tryAcquire(StoreFixtures.ACCOUNT, StageName.TRANSFORMATION,
                    "survivor");
            assertThat(taken).isPresent();
            taken.get().close();
        }
    }
}
