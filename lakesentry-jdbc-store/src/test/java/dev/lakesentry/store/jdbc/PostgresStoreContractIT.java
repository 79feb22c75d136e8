package dev.lakesentry.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.push.ReceiptStatus;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.store.StageLease;
import dev.lakesentry.api.store.Store;
import dev.lakesentry.store.jdbc.internal.PostgresDialect;
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

/** The store contract on a real PostgreSQL server, in a fresh schema per test; plus the trigger and lock checks. */
class PostgresStoreContractIT extends StoreContract {
    private String schema;

    @Override
    protected Store createStore() {
        schema = DatabaseServers.freshName();
        return DatabaseServers.postgres(schema);
    }

    @Override
    protected void dropStore(Store store) {
        try {
            store.close();
        } finally {
            DatabaseServers.dropPostgresSchema(schema);
        }
    }

    @Test
    void triggersRefuseUpdateDeleteAndTruncateOfAppendOnlyTables() throws SQLException {
        store.rawWriter().append(StoreFixtures.billingPush("e-1", StoreFixtures.ACCOUNT, StoreFixtures.billingRecords("r", 2)),
                ReceiptStatus.APPENDED, StoreFixtures.at(StoreFixtures.DAY, 1, 0), java.util.Collections.emptySortedSet());
        store.actionWriter().append(StoreFixtures.actionRecord("a-1", "plan-1", dev.lakesentry.api.plan.ActionOutcome.STARTED,
                StoreFixtures.at(StoreFixtures.DAY, 2, 0)));
        store.reviewWriter().append(StoreFixtures.insightReview("rv-1", "ins-1", StoreFixtures.at(StoreFixtures.DAY, 3, 0)));
        store.reviewWriter().append(StoreFixtures.planReview("pr-1", "plan-1", StoreFixtures.at(StoreFixtures.DAY, 3, 0)));
        try (Connection c = ((JdbcStore) store).dataSource().getConnection()) {
            for (String sql : List.of("UPDATE raw_billing_usage SET usage_quantity = 0", "DELETE FROM raw_billing_usage",
                    "TRUNCATE raw_billing_usage", "UPDATE raw_extraction SET checksum = 'x'", "DELETE FROM action_record",
                    "UPDATE review_insight_review SET note = 'x'", "DELETE FROM review_plan_review")) {
                try (Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
                            .hasMessageContaining("append-only");
                }
            }
        }
        assertThat(store.rawReader().rowCount(StoreFixtures.ACCOUNT, SystemTable.BILLING_USAGE)).isEqualTo(2);
        assertThat(store.actionReader().records(StoreFixtures.ACCOUNT)).hasSize(1);
        assertThat(store.reviewReader().planReviews(StoreFixtures.ACCOUNT)).hasSize(1);
    }

    @Test
    void aCrashedHoldersLockIsReleasedWithItsSession() throws SQLException {
        Optional<StageLease> lease = store.stageLocks().tryAcquire(StoreFixtures.ACCOUNT, StageName.TRANSFORMATION, "doomed");
        assertThat(lease).isPresent();
        try (JdbcStore second = DatabaseServers.postgres(schema)) {
            assertThat(second.stageLocks().tryAcquire(StoreFixtures.ACCOUNT, StageName.TRANSFORMATION, "other")).isEmpty();
            try (Connection c = second.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_locks "
                         + "WHERE locktype = 'advisory' AND ((classid::bigint << 32) | objid::bigint) = ?")) {
                ps.setLong(1, PostgresDialect.lockKey(schema, StoreFixtures.ACCOUNT, StageName.TRANSFORMATION));
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("the holder's backend was found").isTrue();
                }
                // pg_terminate_backend only signals; wait (bounded) until the session, and so its lock, is gone.
                try (PreparedStatement held = c.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND ((classid::bigint << 32) | objid::bigint) = ?")) {
                    held.setLong(1, PostgresDialect.lockKey(schema, StoreFixtures.ACCOUNT, StageName.TRANSFORMATION));
                    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                    boolean free = false;
                    while (!free && System.nanoTime() < deadline) {
                        try (ResultSet rs = held.executeQuery()) {
                            rs.next();
                            free = rs.getLong(1) == 0;
                        }
                        if (!free) {
                            Thread.onSpinWait();
                        }
                    }
                    assertThat(free).as("the terminated session's lock is free").isTrue();
                }
            }
            Optional<StageLease> taken = second.stageLocks().tryAcquire(StoreFixtures.ACCOUNT, StageName.TRANSFORMATION,
                    "survivor");
            assertThat(taken).isPresent();
            taken.get().close();
        }
    }

    @Test
    void rawTablesABulkLoadLeftWithoutStatisticsAreAnalysedOnceBeforeTheyArePlanned() throws SQLException {
        JdbcStore jdbc = (JdbcStore) store;
        jdbc.rawWriter().append(StoreFixtures.billingPush("stats-1", "acc-stats", StoreFixtures.billingRecords("s", 3_000)),
                ReceiptStatus.APPENDED, java.time.Instant.parse("2025-03-02T00:00:00Z"), java.util.Collections.emptySortedSet());
        PostgresDialect dialect = new PostgresDialect();
        try (Connection c = jdbc.dataSource().getConnection()) {
            // The cumulative statistics reach pg_stat_user_tables shortly after the commit; wait for them.
            List<String> analysed = List.of();
            for (int i = 0; i < 50 && analysed.isEmpty(); i++) {
                analysed = dialect.refreshRawStatistics(c);
                if (analysed.isEmpty()) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }
            assertThat(analysed).contains("raw_billing_usage");
            assertThat(dialect.refreshRawStatistics(c)).doesNotContain("raw_billing_usage");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT reltuples FROM pg_class WHERE oid = 'raw_billing_usage'::regclass")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isEqualTo(3_000.0);
            }
        }
    }
}
