package dev.lakesentry.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.push.SystemTable;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SystemTableQueriesTest {

    @Test
    void billingIsReadByIngestionDateWithANamedDateParameter() {
        SystemTableQueries.Query q = SystemTableQueries.since(SystemTable.BILLING_USAGE, Instant.parse("2025-03-06T07:00:00Z"));
        assertThat(q.sql()).startsWith("SELECT record_id, account_id,")
                .contains("unix_millis(usage_start_time) AS usage_start_time")
                .contains("to_json(usage_metadata) AS usage_metadata")
                .contains("FROM system.billing.usage WHERE ingestion_date >= :watermark_from ORDER BY ingestion_date, record_id");
        assertThat(q.parameters()).containsExactly(new SystemTableQueries.Parameter("watermark_from", "DATE", "2025-03-06"));
        assertThat(q.from()).isEqualTo(Instant.parse("2025-03-06T00:00:00Z"));
    }

    @Test
    void timestampWatermarksAreEpochMillisThroughTimestampMillis() {
        SystemTableQueries.Query q = SystemTableQueries.since(SystemTable.WAREHOUSE_EVENTS, Instant.parse("2025-03-04T10:00:00Z"));
        assertThat(q.sql()).isEqualTo("SELECT account_id, workspace_id, warehouse_id, event_type, cluster_count, "
                + "unix_millis(event_time) AS event_time FROM system.compute.warehouse_events "
                + "WHERE event_time >= timestamp_millis(:watermark_from) ORDER BY event_time, workspace_id, warehouse_id, event_type");
        assertThat(q.parameters()).containsExactly(new SystemTableQueries.Parameter("watermark_from", "BIGINT", "1741082400000"));
    }

    @Test
    void snapshotsReadTheWholeTable() {
        assertThat(SystemTableQueries.full(SystemTable.NODE_TYPES).sql())
                .isEqualTo("SELECT account_id, node_type, core_count, memory_mb, gpu_count FROM system.compute.node_types ORDER BY node_type");
        assertThat(SystemTableQueries.full(SystemTable.CLUSTERS).sql())
                .endsWith("FROM system.compute.clusters WHERE change_time IS NOT NULL ORDER BY change_time, workspace_id, cluster_id");
        assertThatThrownBy(() -> SystemTableQueries.since(SystemTable.LIST_PRICES, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
