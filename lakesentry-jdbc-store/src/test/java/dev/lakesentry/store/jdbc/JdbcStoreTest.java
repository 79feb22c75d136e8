package dev.lakesentry.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.StoreException;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.store.jdbc.ingest.RawTables;
import dev.lakesentry.store.jdbc.internal.Urls;
import dev.lakesentry.testkit.contract.StoreFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract cannot see: start-up failures, masking, the raw schema and the H2 append-only triggers. */
class JdbcStoreTest {

    @Test
    void aPoolThatCannotConnectFailsAtStartNamingTheMaskedUrlAndTheCause() {
        JdbcStoreConfig config = JdbcStoreConfig.builder("jdbc:postgresql://127.0.0.1:1/nowhere?password=hunter2")
                .user("lakesentry").password("s3cr3t").connectionTimeout(Duration.ofMillis(500)).build();
        assertThatThrownBy(() -> JdbcStore.connect(config))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nowhere?password=****")
                .hasMessageContaining("Connection")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("s3cr3t"));
        assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("hunter2");
    }

    @Test
    void aBadValueDeepInALargePushIsReportedByItsRecordAndNothingLands() {
        try (JdbcStore store = JdbcStore.inMemory("schema-" + UUID.randomUUID())) {
            List<dev.lakesentry.api.push.SourceRecord> records = new ArrayList<>(StoreFixtures.billingRecords("big", 6_000));
            records.set(5_017, StoreFixtures.billingRecord("bad", java.time.LocalDate.of(2025, 3, 1), "twelve"));
            records.set(5_500, StoreFixtures.billingRecord("bad-later", java.time.LocalDate.of(2025, 3, 1), "thirteen"));
            assertThatThrownBy(() -> store.rawWriter().append(StoreFixtures.billingPush("big-1", "acc", records),
                    dev.lakesentry.api.push.ReceiptStatus.APPENDED, java.time.Instant.parse("2025-03-02T00:00:00Z"),
                    java.util.Collections.emptySortedSet()))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.getMessage()).contains("Record 5017 of extraction 'big-1'", "usage_quantity",
                                "'twelve'");
                        assertThat(e.key()).contains("big-1#5017");
                    });
            assertThat(store.rawReader().extraction("big-1")).isEmpty();
            assertThat(store.rawReader().rowCount("acc", SystemTable.BILLING_USAGE)).isZero();
        }
    }

    @Test
    void urlsAreMaskedWhereverThePasswordSits() {
        assertThat(Urls.mask("jdbc:mariadb://root:pw@host:3306/db?user=x&password=y&ssl=true"))
                .isEqualTo("jdbc:mariadb://root:****@host:3306/db?user=x&password=****&ssl=true");
        assertThat(Urls.mask("jdbc:h2:file:/x;USER=sa;PASSWORD=abc;MODE=x")).isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=****;MODE=x");
    }

    @Test
    void configurationReportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> JdbcStoreConfig.builder("postgres://x").poolSize(1).schema("a;drop").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("url").hasMessageContaining("poolSize").hasMessageContaining("schema");
        assertThatThrownBy(() -> JdbcStore.connect(JdbcStoreConfig.builder("jdbc:oracle:thin:@x").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("jdbc:oracle");
    }

    @Test
    void everyRawTableHasTheColumnsOfItsSpecAndRefusesUpdateAndDelete() throws SQLException {
        try (JdbcStore store = JdbcStore.inMemory("schema-" + UUID.randomUUID());
             Connection c = store.dataSource().getConnection()) {
            assertThat(store.describe()).contains("h2").contains("jdbc:h2:mem:");
            DatabaseMetaData md = c.getMetaData();
            for (SystemTable t : SystemTable.values()) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = md.getColumns(null, null, RawTables.tableName(t).toUpperCase(Locale.ROOT), null)) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                assertThat(columns).as(t.fullName()).containsExactlyElementsOf(RawTables.allColumns(t));
            }
            store.rawWriter().append(StoreFixtures.billingPush("e-1", StoreFixtures.ACCOUNT,
                    StoreFixtures.billingRecords("r", 2)), dev.lakesentry.api.push.ReceiptStatus.APPENDED,
                    StoreFixtures.at(StoreFixtures.DAY, 1, 0), java.util.Collections.emptySortedSet());
            for (String sql : List.of("UPDATE raw_billing_usage SET usage_quantity = 0",
                    "DELETE FROM raw_billing_usage", "DELETE FROM raw_extraction", "UPDATE raw_extraction SET checksum = 'x'")) {
                try (Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
                            .hasMessageContaining("append-only");
                }
            }
            assertThat(store.rawReader().rowCount(StoreFixtures.ACCOUNT, SystemTable.BILLING_USAGE)).isEqualTo(2);
        }
    }

    @Test
    void theEmbeddedStoreKeepsItsDataAcrossRestartsAndAHeldLockDiesWithItsHolder(@TempDir Path dir) {
        try (JdbcStore store = JdbcStore.embedded(dir)) {
            store.rawWriter().append(StoreFixtures.billingPush("e-1", StoreFixtures.ACCOUNT,
                    StoreFixtures.billingRecords("r", 3)), dev.lakesentry.api.push.ReceiptStatus.APPENDED,
                    StoreFixtures.at(StoreFixtures.DAY, 1, 0), java.util.Collections.emptySortedSet());
            assertThat(store.stageLocks().tryAcquire(StoreFixtures.ACCOUNT, StageName.INGESTION, "crashing")).isPresent();
        }
        try (JdbcStore store = JdbcStore.embedded(dir)) {
            assertThat(store.rawReader().rowCount(StoreFixtures.ACCOUNT, SystemTable.BILLING_USAGE)).isEqualTo(3);
            assertThat(store.stageLocks().tryAcquire(StoreFixtures.ACCOUNT, StageName.INGESTION, "next")).isPresent();
        }
    }
}
