package dev.lakesentry.testkit.emulator;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.lakesentry.api.push.SourceRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds real SDK clients pointed at an emulator, and small system-table fixtures. */
final class Sdk {

    private Sdk() {
    }

    static WorkspaceClient client(DatabricksEmulator emulator) {
        return client(emulator, emulator.token());
    }

    static WorkspaceClient client(DatabricksEmulator emulator, String token) {
        return new WorkspaceClient(config(emulator, token));
    }

    static DatabricksConfig config(DatabricksEmulator emulator, String token) {
        return new DatabricksConfig().setHost(emulator.url()).setToken(token).setAuthType("pat");
    }

    /** {@code n} billing usage rows, one hour each from 2025-03-01T00:00Z, ingested one day per 24 rows. */
    static List<SourceRecord> usageRows(int n) {
        List<SourceRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int day = 1 + i / 24;
            int hour = i % 24;
            String date = String.format("2025-03-%02d", day);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("record_id", String.format("rec-%04d", i));
            row.put("account_id", "acc-1");
            row.put("workspace_id", "1234567890123456");
            row.put("sku_name", "PREMIUM_JOBS_COMPUTE");
            row.put("cloud", "AWS");
            row.put("usage_start_time", String.format("%sT%02d:00:00.000Z", date, hour));
            row.put("usage_end_time", String.format("%sT%02d:59:59.999Z", date, hour));
            row.put("usage_date", date);
            row.put("custom_tags", Map.of("team", "data-eng"));
            row.put("usage_unit", "DBU");
            row.put("usage_quantity", new BigDecimal("4.25").add(BigDecimal.valueOf(i)));
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("cluster_id", "0304-095812-abcd1234");
            metadata.put("job_id", "837261947261");
            metadata.put("warehouse_id", null);
            row.put("usage_metadata", metadata);
            row.put("identity_metadata", Map.of("run_as", "svc-etl@example.com"));
            row.put("record_type", "ORIGINAL");
            row.put("ingestion_date", date);
            row.put("billing_origin_product", "JOBS");
            row.put("product_features", Map.of("is_serverless", false, "jobs_tier", "CLASSIC"));
            row.put("usage_type", "COMPUTE_TIME");
            rows.add(SourceRecord.of(row));
        }
        return rows;
    }
}
