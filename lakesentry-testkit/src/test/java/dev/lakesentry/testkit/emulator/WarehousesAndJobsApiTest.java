package dev.lakesentry.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.ResourceDoesNotExist;
import com.databricks.sdk.service.jobs.BaseJob;
import com.databricks.sdk.service.jobs.CronSchedule;
import com.databricks.sdk.service.jobs.Job;
import com.databricks.sdk.service.jobs.JobSettings;
import com.databricks.sdk.service.jobs.ListJobsRequest;
import com.databricks.sdk.service.jobs.PauseStatus;
import com.databricks.sdk.service.jobs.ResetJob;
import com.databricks.sdk.service.jobs.UpdateJob;
import com.databricks.sdk.service.sql.EditWarehouseRequest;
import com.databricks.sdk.service.sql.EndpointInfo;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.GetWarehouseResponse;
import com.databricks.sdk.service.sql.ListWarehousesRequest;
import com.databricks.sdk.service.sql.State;
import com.databricks.sdk.service.sql.StopRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WarehousesAndJobsApiTest {

    private DatabricksEmulator emulator;
    private WorkspaceClient w;
    private long jobId;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.start();
        emulator.addWarehouse(Map.of("id", "ec58ee3772e8d305", "name", "bi-warehouse", "cluster_size", "Small",
                "auto_stop_mins", 120, "min_num_clusters", 1, "max_num_clusters", 2,
                "tags", Map.of("custom_tags", List.of(Map.of("key", "team", "value", "bi")))));
        emulator.addWarehouse(Map.of("id", "stopped0000000001", "state", "STOPPED"));
        jobId = emulator.addJob(Map.of("job_id", 837261947261L, "settings", Map.of(
                "name", "nightly_orders_etl", "max_concurrent_runs", 1,
                "schedule", Map.of("quartz_cron_expression", "0 0 2 * * ?", "timezone_id", "UTC",
                        "pause_status", "UNPAUSED"),
                "tasks", List.of(Map.of("task_key", "load"), Map.of("task_key", "report")))));
        w = Sdk.client(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void warehouseEditAutoStopReadsBackAndKeepsTheOtherFields() {
        w.warehouses().edit(new EditWarehouseRequest().setId("ec58ee3772e8d305").setAutoStopMins(15L)
                .setMaxNumClusters(1L).setMinNumClusters(1L));

        GetWarehouseResponse read = w.warehouses().get("ec58ee3772e8d305");
        assertThat(read.getAutoStopMins()).isEqualTo(15L);
        assertThat(read.getMaxNumClusters()).isEqualTo(1L);
        assertThat(read.getNumClusters()).isEqualTo(1L);
        assertThat(read.getName()).isEqualTo("bi-warehouse");
        assertThat(read.getClusterSize()).isEqualTo("Small");
        assertThat(read.getTags().getCustomTags()).singleElement()
                .satisfies(t -> assertThat(t.getValue()).isEqualTo("bi"));
        assertThat(read.getState()).isEqualTo(State.RUNNING);
    }

    @Test
    void warehouseEditRefusesAnAutoStopBelowTenMinutesExceptZero() {
        assertThatThrownBy(() -> w.warehouses().edit(new EditWarehouseRequest().setId("ec58ee3772e8d305")
                .setAutoStopMins(5L))).isInstanceOf(InvalidParameterValue.class).hasMessageContaining("auto_stop_mins");

        w.warehouses().edit(new EditWarehouseRequest().setId("ec58ee3772e8d305").setAutoStopMins(0L));
        assertThat(w.warehouses().get("ec58ee3772e8d305").getAutoStopMins()).isZero();
    }

    @Test
    void warehouseStopStartAndListAndAStatementStartsAStoppedWarehouse() {
        w.warehouses().stop(new StopRequest().setId("ec58ee3772e8d305"));
        assertThat(w.warehouses().get("ec58ee3772e8d305").getState()).isEqualTo(State.STOPPED);
        assertThat(w.warehouses().get("ec58ee3772e8d305").getNumClusters()).isZero();

        w.statementExecution().executeStatement(new ExecuteStatementRequest().setWarehouseId("stopped0000000001")
                .setStatement("SELECT 1"));
        assertThat(w.warehouses().get("stopped0000000001").getState()).isEqualTo(State.RUNNING);

        List<String> ids = new ArrayList<>();
        w.warehouses().list(new ListWarehousesRequest()).forEach((EndpointInfo e) -> ids.add(e.getId()));
        assertThat(ids).containsExactly("ec58ee3772e8d305", "stopped0000000001");
        assertThatThrownBy(() -> w.warehouses().get("nope")).isInstanceOf(ResourceDoesNotExist.class);
    }

    @Test
    void pausedJobScheduleReadsBack() {
        Job before = w.jobs().get(jobId);
        CronSchedule paused = before.getSettings().getSchedule().setPauseStatus(PauseStatus.PAUSED);

        w.jobs().update(new UpdateJob().setJobId(jobId).setNewSettings(new JobSettings().setSchedule(paused)));

        Job after = w.jobs().get(jobId);
        assertThat(after.getSettings().getSchedule().getPauseStatus()).isEqualTo(PauseStatus.PAUSED);
        assertThat(after.getSettings().getSchedule().getQuartzCronExpression()).isEqualTo("0 0 2 * * ?");
        assertThat(after.getSettings().getName()).isEqualTo("nightly_orders_etl");
        assertThat(after.getSettings().getTasks()).hasSize(2);
        assertThat(emulator.job(jobId).orElseThrow().get("settings")).asString().contains("PAUSED");
    }

    @Test
    void jobUpdateReplacesTopLevelFieldsWholesaleAndRemovesFields() {
        assertThatThrownBy(() -> w.jobs().update(new UpdateJob().setJobId(jobId).setNewSettings(new JobSettings()
                .setSchedule(new CronSchedule().setPauseStatus(PauseStatus.PAUSED)))))
                .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("quartz_cron_expression");

        w.jobs().update(new UpdateJob().setJobId(jobId).setFieldsToRemove(List.of("schedule", "tasks/report"))
                .setNewSettings(new JobSettings().setMaxConcurrentRuns(3L)));

        Job after = w.jobs().get(jobId);
        assertThat(after.getSettings().getSchedule()).isNull();
        assertThat(after.getSettings().getMaxConcurrentRuns()).isEqualTo(3L);
        assertThat(after.getSettings().getTasks()).extracting(t -> t.getTaskKey()).containsExactly("load");
    }

    @Test
    void jobResetReplacesAllSettingsAndListPaginates() {
        w.jobs().reset(new ResetJob().setJobId(jobId).setNewSettings(new JobSettings().setName("renamed")));
        assertThat(w.jobs().get(jobId).getSettings().getTasks()).isNull();

        emulator.addJob(Map.of("settings", Map.of("name", "second")));
        emulator.addJob(Map.of("settings", Map.of("name", "third")));
        List<String> names = new ArrayList<>();
        w.jobs().list(new ListJobsRequest().setLimit(2L)).forEach((BaseJob j) -> names.add(j.getSettings().getName()));
        assertThat(names).containsExactly("renamed", "second", "third");
        assertThat(emulator.calls().count("GET", "/api/2.2/jobs/list")).isEqualTo(2);
        assertThatThrownBy(() -> w.jobs().get(42L)).isInstanceOf(ResourceDoesNotExist.class)
                .hasMessage("Job 42 does not exist.");
    }
}
