package dev.lakesentry.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.InvalidState;
import com.databricks.sdk.core.error.platform.ResourceDoesNotExist;
import com.databricks.sdk.service.compute.AutoScale;
import com.databricks.sdk.service.compute.ClusterDetails;
import com.databricks.sdk.service.compute.ClusterSource;
import com.databricks.sdk.service.compute.EditCluster;
import com.databricks.sdk.service.compute.ListClustersFilterBy;
import com.databricks.sdk.service.compute.ListClustersRequest;
import com.databricks.sdk.service.compute.ResizeCluster;
import com.databricks.sdk.service.compute.State;
import com.databricks.sdk.service.compute.TerminationReasonCode;
import com.databricks.sdk.service.compute.UpdateCluster;
import com.databricks.sdk.service.compute.UpdateClusterResource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ClustersApiTest {

    private static final Instant NOW = Instant.parse("2025-03-10T08:00:00Z");

    private DatabricksEmulator emulator;
    private WorkspaceClient w;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
        emulator.addCluster(Map.of("cluster_id", "0215-101530-x7kq2abc", "cluster_name", "shared-analytics",
                "autoscale", Map.of("min_workers", 2, "max_workers", 12), "autotermination_minutes", 0,
                "custom_tags", Map.of("team", "analytics")));
        emulator.addCluster(Map.of("cluster_id", "0304-095812-job00001", "cluster_source", "JOB", "num_workers", 4));
        emulator.addCluster(Map.of("cluster_id", "0101-000000-stopped1", "state", "TERMINATED"));
        emulator.addCluster(Map.of("cluster_id", "0101-000000-pending1", "state", "PENDING"));
        w = Sdk.client(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void getAnswersTheClusterAsAdded() {
        ClusterDetails c = w.clusters().get("0215-101530-x7kq2abc");

        assertThat(c.getClusterName()).isEqualTo("shared-analytics");
        assertThat(c.getState()).isEqualTo(State.RUNNING);
        assertThat(c.getAutoscale().getMinWorkers()).isEqualTo(2L);
        assertThat(c.getAutoscale().getMaxWorkers()).isEqualTo(12L);
        assertThat(c.getAutoterminationMinutes()).isZero();
        assertThat(c.getClusterSource()).isEqualTo(ClusterSource.UI);
        assertThat(c.getCustomTags()).containsEntry("team", "analytics");
        assertThat(c.getStartTime()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void terminatedClusterReadsBackTerminated() throws TimeoutException {
        ClusterDetails done = w.clusters().delete("0215-101530-x7kq2abc").get(Duration.ofSeconds(10));

        assertThat(done.getState()).isEqualTo(State.TERMINATED);
        ClusterDetails read = w.clusters().get("0215-101530-x7kq2abc");
        assertThat(read.getState()).isEqualTo(State.TERMINATED);
        assertThat(read.getTerminationReason().getCode()).isEqualTo(TerminationReasonCode.USER_REQUEST);
        assertThat(read.getTerminatedTime()).isEqualTo(NOW.toEpochMilli());
        assertThat(emulator.cluster("0215-101530-x7kq2abc").orElseThrow()).containsEntry("state", "TERMINATED");
    }

    @Test
    void editedAutoscaleReadsBack() {
        w.clusters().edit(new EditCluster().setClusterId("0215-101530-x7kq2abc").setSparkVersion("15.4.x-scala2.12")
                .setNodeTypeId("i3.xlarge").setAutoscale(new AutoScale().setMinWorkers(1L).setMaxWorkers(4L))
                .setAutoterminationMinutes(30L));

        ClusterDetails c = w.clusters().get("0215-101530-x7kq2abc");
        assertThat(c.getAutoscale().getMinWorkers()).isEqualTo(1L);
        assertThat(c.getAutoscale().getMaxWorkers()).isEqualTo(4L);
        assertThat(c.getAutoterminationMinutes()).isEqualTo(30L);
        assertThat(c.getState()).isEqualTo(State.RUNNING);
        assertThat(c.getCustomTags()).as("edit is a full spec: omitted fields are gone").isNull();
        assertThat(c.getClusterSource()).as("runtime fields survive an edit").isEqualTo(ClusterSource.UI);
    }

    @Test
    void partialUpdateChangesOnlyTheMaskedFields() {
        w.clusters().update(new UpdateCluster().setClusterId("0215-101530-x7kq2abc")
                .setUpdateMask("autoscale,autotermination_minutes")
                .setCluster(new UpdateClusterResource().setAutoscale(new AutoScale().setMinWorkers(2L).setMaxWorkers(6L))
                        .setAutoterminationMinutes(60L)));

        ClusterDetails c = w.clusters().get("0215-101530-x7kq2abc");
        assertThat(c.getAutoscale().getMaxWorkers()).isEqualTo(6L);
        assertThat(c.getAutoterminationMinutes()).isEqualTo(60L);
        assertThat(c.getCustomTags()).containsEntry("team", "analytics");
    }

    @Test
    void updateRefusesClustersThatAreNeitherRunningNorTerminatedAndJobClusters() {
        UpdateCluster update = new UpdateCluster().setClusterId("0101-000000-pending1").setUpdateMask("num_workers")
                .setCluster(new UpdateClusterResource().setNumWorkers(2L));
        assertThatThrownBy(() -> w.clusters().update(update))
                .isInstanceOf(InvalidState.class)
                .satisfies(e -> assertThat(((DatabricksError) e).getStatusCode()).isEqualTo(400));

        assertThatThrownBy(() -> w.clusters().update(update.setClusterId("0304-095812-job00001")))
                .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("job cluster");

        w.clusters().update(update.setClusterId("0101-000000-stopped1"));
        assertThat(w.clusters().get("0101-000000-stopped1").getNumWorkers()).isEqualTo(2L);
        assertThat(w.clusters().get("0101-000000-stopped1").getState()).isEqualTo(State.TERMINATED);
    }

    @Test
    void resizeNeedsARunningClusterAndStartRunsATerminatedOne() throws TimeoutException {
        assertThatThrownBy(() -> w.clusters().resize(new ResizeCluster().setClusterId("0101-000000-stopped1")
                .setNumWorkers(3L))).isInstanceOf(InvalidState.class);

        w.clusters().start("0101-000000-stopped1").get(Duration.ofSeconds(10));
        w.clusters().resize(new ResizeCluster().setClusterId("0101-000000-stopped1")
                .setAutoscale(new AutoScale().setMinWorkers(1L).setMaxWorkers(3L)));

        ClusterDetails c = w.clusters().get("0101-000000-stopped1");
        assertThat(c.getState()).isEqualTo(State.RUNNING);
        assertThat(c.getAutoscale().getMaxWorkers()).isEqualTo(3L);
        assertThat(c.getNumWorkers()).isNull();
    }

    @Test
    void listFiltersAndPaginates() {
        List<String> running = new ArrayList<>();
        w.clusters().list(new ListClustersRequest().setPageSize(1L)
                        .setFilterBy(new ListClustersFilterBy().setClusterStates(List.of(State.RUNNING))))
                .forEach(c -> running.add(c.getClusterId()));

        assertThat(running).containsExactly("0215-101530-x7kq2abc", "0304-095812-job00001");
        assertThat(emulator.calls().count("GET", "/api/2.1/clusters/list")).isEqualTo(2);

        List<String> fromJobs = new ArrayList<>();
        w.clusters().list(new ListClustersRequest().setFilterBy(new ListClustersFilterBy()
                .setClusterSources(List.of(ClusterSource.JOB)))).forEach(c -> fromJobs.add(c.getClusterId()));
        assertThat(fromJobs).containsExactly("0304-095812-job00001");
    }

    @Test
    void unknownClusterAnswersLikeDatabricksSoTheSdkMapsItToResourceDoesNotExist() {
        assertThatThrownBy(() -> w.clusters().get("nope")).isInstanceOf(ResourceDoesNotExist.class)
                .hasMessage("Cluster nope does not exist");
        assertThat(emulator.calls().calls("GET", "/api/2.1/clusters/get")).extracting(RecordedCall::status)
                .containsExactly(400);
    }
}
