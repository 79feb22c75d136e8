package dev.lakesentry.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.push.SystemTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsFlatKeysWithDefaults() {
        CollectorConfig c = CollectorConfig.fromProperties(Map.of("host", "https://dbc-1234.cloud.databricks.com",
                "token.env", "DATABRICKS_TOKEN", "warehouse-id", "ec58ee3772e8d305", "connector-id", "eu-west",
                "account-id", "acc-1", "tables.skip", "system.query.history", "overlap.system.compute.clusters", "2h",
                "batch-size", "1000", "state-dir", dir.toString()));
        assertThat(c.primary()).isFalse();
        assertThat(c.tables()).doesNotContain(SystemTable.BILLING_USAGE, SystemTable.LIST_PRICES, SystemTable.WORKSPACES_LATEST,
                SystemTable.QUERY_HISTORY).contains(SystemTable.CLUSTERS, SystemTable.NODE_TYPES);
        assertThat(c.schedule()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.overlap(SystemTable.CLUSTERS)).isEqualTo(Duration.ofHours(2));
        assertThat(c.overlap(SystemTable.BILLING_USAGE)).isEqualTo(Duration.ofDays(3));
        assertThat(c.overlap(SystemTable.JOBS)).isEqualTo(Duration.ofHours(1));
        assertThat(c.overlap(SystemTable.JOB_RUN_TIMELINE)).isEqualTo(Duration.ofHours(4));
        assertThat(c.overlap(SystemTable.QUERY_HISTORY)).isEqualTo(Duration.ofHours(4));
        assertThat(c.batchSize()).isEqualTo(1000);
        assertThat(c.toString()).contains("Secret[env:DATABRICKS_TOKEN]");
    }

    @Test
    void reportsEveryBadKeyAtOnce() {
        assertThatThrownBy(() -> CollectorConfig.fromProperties(Map.of("host", "not a url", "warehouse-id", " ",
                "connector-id", "bad id!", "tables.include", "system.billing.usage,system.nope", "schedule", "soon",
                "overlap.system.compute.node_types", "1h", "batch-size", "0", "colour", "blue")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.getMessage())
                        .contains("host: 'not a url'").contains("token.env or token.file").contains("warehouse-id: is required")
                        .contains("connector-id: 'bad id!'").contains("account-id: is required")
                        .contains("'system.nope' is not a system table").contains("schedule: 'soon'")
                        .contains("overlap.system.compute.node_types: the table is read as a full snapshot")
                        .contains("batch-size: 0").contains("state-dir: is required").contains("colour: unknown key")
                        .contains("system.billing.usage is account-wide"));
    }

    @Test
    void exactlyOnePrimaryPerAccount() {
        CollectorConfig.Builder base = CollectorConfig.builder().host("h.example.com").token(Secret.env("T")).warehouseId("w")
                .accountId("acc").stateDirectory(dir);
        CollectorConfig a = base.connectorId("a").primary(true).build();
        CollectorConfig b = base.connectorId("b").primary(true).build();
        CollectorConfig c = base.connectorId("c").primary(false).build();
        CollectorConfig.checkFleet(List.of(a, c));
        assertThatThrownBy(() -> CollectorConfig.checkFleet(List.of(a, b, c))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("2 primary connectors");
        assertThatThrownBy(() -> CollectorConfig.checkFleet(List.of(c))).hasMessageContaining("0 primary connectors");
        assertThat(a.tables()).contains(SystemTable.BILLING_USAGE);
    }

    @Test
    void tokensComeFromAVariableOrAFileAndAreNeverShown() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "  dapi-from-file\n");
        assertThat(Secret.file(file).resolve(k -> null)).isEqualTo("dapi-from-file");
        assertThat(Secret.env("X").resolve(Map.of("X", "dapi-env")::get)).isEqualTo("dapi-env");
        assertThatThrownBy(() -> Secret.env("MISSING").resolve(k -> null)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MISSING");
        assertThatThrownBy(() -> Secret.file(dir.resolve("none")).resolve(k -> null)).isInstanceOf(ConfigurationException.class);
        assertThat(Secret.value("dapi-secret").toString()).isEqualTo("Secret[****]");
        assertThat(Secret.file(file).toString()).doesNotContain("dapi-from-file");
    }
}
