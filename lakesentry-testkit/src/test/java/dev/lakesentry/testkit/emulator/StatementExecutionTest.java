package dev.lakesentry.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.sql.ColumnInfo;
import com.databricks.sdk.service.sql.ColumnInfoTypeName;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.CancelExecutionRequest;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.ExecuteStatementRequestOnWaitTimeout;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.StatementParameterListItem;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import dev.lakesentry.api.push.SystemTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementExecutionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T12:34:56.789Z"), ZoneOffset.UTC);

    private DatabricksEmulator emulator;
    private WorkspaceClient w;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.builder().clock(CLOCK).rowsPerChunk(10).start();
        emulator.load(Map.of(SystemTable.BILLING_USAGE, Sdk.usageRows(25)));
        w = Sdk.client(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private StatementResponse execute(String sql, StatementParameterListItem... parameters) {
        return w.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId("wh-1").setStatement(sql).setWaitTimeout("30s")
                .setDisposition(Disposition.INLINE).setFormat(Format.JSON_ARRAY)
                .setOnWaitTimeout(ExecuteStatementRequestOnWaitTimeout.CONTINUE).setParameters(List.of(parameters)));
    }

    @Test
    void pagesThroughAChunkedResultWithNextChunkLinks() {
        StatementResponse first = execute("SELECT record_id, usage_quantity FROM system.billing.usage ORDER BY record_id");

        assertThat(first.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(first.getManifest().getTotalChunkCount()).isEqualTo(3L);
        assertThat(first.getManifest().getTotalRowCount()).isEqualTo(25L);
        assertThat(first.getManifest().getChunks()).extracting(c -> c.getRowCount()).containsExactly(10L, 10L, 5L);
        assertThat(first.getResult().getNextChunkIndex()).isEqualTo(1L);
        assertThat(first.getResult().getNextChunkInternalLink())
                .isEqualTo("/api/2.0/sql/statements/" + first.getStatementId() + "/result/chunks/1");

        List<List<String>> rows = new ArrayList<>(rows(first.getResult()));
        Long next = first.getResult().getNextChunkIndex();
        while (next != null) {
            ResultData chunk = w.statementExecution().getStatementResultChunkN(first.getStatementId(), next);
            assertThat(chunk.getChunkIndex()).isEqualTo(next);
            assertThat(chunk.getRowOffset()).isEqualTo(next * 10);
            rows.addAll(rows(chunk));
            next = chunk.getNextChunkIndex();
            if (next == null) {
                assertThat(chunk.getNextChunkInternalLink()).isNull();
            }
        }
        assertThat(rows).hasSize(25);
        assertThat(rows.get(0)).containsExactly("rec-0000", "4.250000000000000000");
        assertThat(rows.get(24)).containsExactly("rec-0024", "28.250000000000000000");
    }

    @Test
    void describesColumnsAndRendersValuesAsDatabricksText() {
        StatementResponse r = execute("SELECT record_id, usage_quantity, usage_start_time, usage_date, "
                + "unix_millis(usage_start_time) AS start_ms, to_json(usage_metadata) AS usage_metadata, "
                + "custom_tags, workspace_id IS NULL AS no_workspace, CAST(NULL AS VARCHAR) AS nothing "
                + "FROM system.billing.usage WHERE record_id = 'rec-0001'");

        List<ColumnInfo> columns = new ArrayList<>(r.getManifest().getSchema().getColumns());
        assertThat(columns).extracting(ColumnInfo::getName).containsExactly("record_id", "usage_quantity",
                "usage_start_time", "usage_date", "start_ms", "usage_metadata", "custom_tags", "no_workspace", "nothing");
        assertThat(columns).extracting(ColumnInfo::getTypeName).containsExactly(ColumnInfoTypeName.STRING,
                ColumnInfoTypeName.DECIMAL, ColumnInfoTypeName.TIMESTAMP, ColumnInfoTypeName.DATE,
                ColumnInfoTypeName.LONG, ColumnInfoTypeName.STRING, ColumnInfoTypeName.MAP, ColumnInfoTypeName.BOOLEAN,
                ColumnInfoTypeName.STRING);
        assertThat(columns.get(1).getTypeText()).isEqualTo("DECIMAL(38,18)");
        assertThat(columns.get(1).getTypePrecision()).isEqualTo(38L);
        assertThat(columns.get(1).getTypeScale()).isEqualTo(18L);
        assertThat(columns).extracting(ColumnInfo::getPosition).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);

        assertThat(rows(r.getResult())).containsExactly(List.of("rec-0001", "5.250000000000000000",
                "2025-03-01T01:00:00.000Z", "2025-03-01", "1740790800000",
                "{\"cluster_id\":\"0304-095812-abcd1234\",\"job_id\":\"837261947261\",\"warehouse_id\":null}",
                "{\"team\":\"data-eng\"}", "false", "__null__"));
    }

    @Test
    void bindsNamedDateAndTimestampParameters() {
        StatementResponse r = execute("SELECT count(*) AS n, min(record_id) AS first FROM system.billing.usage "
                        + "WHERE ingestion_date >= :since AND usage_start_time >= :after - INTERVAL 1 HOUR "
                        + "AND sku_name = :sku",
                new StatementParameterListItem().setName("since").setValue("2025-03-01").setType("DATE"),
                new StatementParameterListItem().setName("after").setValue("2025-03-01T20:00:00Z").setType("TIMESTAMP"),
                new StatementParameterListItem().setName("sku").setValue("PREMIUM_JOBS_COMPUTE"));

        assertThat(r.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(rows(r.getResult())).containsExactly(List.of("6", "rec-0019"));
    }

    @Test
    void clockFunctionsFollowTheInjectedClock() {
        StatementResponse r = execute("SELECT current_date() AS today, current_timestamp() AS now, "
                + "date_sub(current_date(), 7) AS week_ago, date_add(DATE '2025-03-01', 1) AS next_day, "
                + "count(*) AS recent FROM system.billing.usage WHERE usage_date >= date_sub(current_date, 8)");

        assertThat(rows(r.getResult())).containsExactly(List.of("2025-03-10", "2025-03-10T12:34:56.789Z",
                "2025-03-03", "2025-03-02", "1"));
    }

    @Test
    void slowStatementGoesFromPendingThroughRunningToSucceeded() {
        emulator.setStatementPolls(2, 1);

        StatementResponse submitted = execute("SELECT count(*) AS n FROM system.billing.usage");
        assertThat(submitted.getStatus().getState()).isEqualTo(StatementState.PENDING);
        assertThat(submitted.getResult()).isNull();

        List<StatementState> seen = new ArrayList<>();
        StatementResponse polled;
        do {
            polled = w.statementExecution().getStatement(submitted.getStatementId());
            seen.add(polled.getStatus().getState());
        } while (polled.getStatus().getState() == StatementState.PENDING
                || polled.getStatus().getState() == StatementState.RUNNING);

        assertThat(seen).containsExactly(StatementState.PENDING, StatementState.RUNNING, StatementState.SUCCEEDED);
        assertThat(rows(polled.getResult())).containsExactly(List.of("25"));
    }

    @Test
    void zeroWaitTimeoutAnswersPendingAndCancelStopsTheStatement() {
        StatementResponse submitted = w.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId("wh-1").setStatement("SELECT 1").setWaitTimeout("0s"));
        assertThat(submitted.getStatus().getState()).isEqualTo(StatementState.PENDING);

        w.statementExecution().cancelExecution(new CancelExecutionRequest().setStatementId(submitted.getStatementId()));

        assertThat(w.statementExecution().getStatement(submitted.getStatementId()).getStatus().getState())
                .isEqualTo(StatementState.CANCELED);
    }

    @Test
    void sqlErrorIsAnsweredAsFailedWithAnErrorObject() {
        StatementResponse r = execute("SELECT * FROM system.billing.no_such_table");

        assertThat(r.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(r.getStatus().getSqlState()).isEqualTo("42P01");
        assertThat(r.getStatus().getError().getMessage()).startsWith("[TABLE_OR_VIEW_NOT_FOUND]");
        assertThat(r.getManifest()).isNull();
        assertThat(emulator.calls().calls("POST", "/api/2.0/sql/statements")).extracting(RecordedCall::status)
                .containsExactly(200);
    }

    @Test
    void unboundParameterAndWritesFail() {
        assertThat(execute("SELECT * FROM system.billing.usage WHERE usage_date >= :missing").getStatus().getError()
                .getMessage()).startsWith("[UNBOUND_SQL_PARAMETER]");
        assertThat(execute("DELETE FROM system.billing.usage").getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(emulator.rowCount(SystemTable.BILLING_USAGE)).isEqualTo(25);
    }

    @Test
    void refusesOtherDispositionsAndFormatsClearly() {
        assertThatThrownBy(() -> w.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId("wh-1").setStatement("SELECT 1").setDisposition(Disposition.EXTERNAL_LINKS)
                .setFormat(Format.ARROW_STREAM)))
                .isInstanceOf(DatabricksError.class)
                .hasMessageContaining("INLINE").hasMessageContaining("JSON_ARRAY");
    }

    @Test
    void emptyResultHasNoChunks() {
        StatementResponse r = execute("SELECT record_id FROM system.billing.usage WHERE 1 = 0");

        assertThat(r.getManifest().getTotalChunkCount()).isZero();
        assertThat(r.getManifest().getTotalRowCount()).isZero();
        assertThat(r.getResult().getDataArray()).isNull();
    }

    @Test
    void everySystemTableIsAddressableByItsDatabricksName() {
        for (SystemTable table : SystemTable.values()) {
            StatementResponse r = execute("SELECT * FROM " + table.fullName());
            assertThat(r.getStatus().getState()).as(table.fullName()).isEqualTo(StatementState.SUCCEEDED);
            assertThat(r.getManifest().getSchema().getColumns()).extracting(ColumnInfo::getName)
                    .as(table.fullName())
                    .containsExactlyElementsOf(table.columns().stream().map(c -> c.name()).toList());
        }
    }

    private static List<List<String>> rows(ResultData data) {
        List<List<String>> out = new ArrayList<>();
        for (Collection<String> row : data.getDataArray()) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v == null ? "__null__" : v));
            out.add(values);
        }
        return out;
    }
}
