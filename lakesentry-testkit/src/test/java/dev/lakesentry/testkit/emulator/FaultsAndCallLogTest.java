package dev.lakesentry.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.core.error.platform.InternalError;
import com.databricks.sdk.core.error.platform.Unauthenticated;
import com.databricks.sdk.service.compute.State;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FaultsAndCallLogTest {

    private static final String CLUSTER = "0215-101530-x7kq2abc";

    private DatabricksEmulator emulator;
    private WorkspaceClient w;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.start();
        emulator.addCluster(Map.of("cluster_id", CLUSTER));
        w = Sdk.client(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void tooManyRequestsIsRetriedBySdkAfterRetryAfterThenSucceeds() {
        emulator.faults().times(2, "GET", "/api/2.1/clusters/get", Fault.tooManyRequests(0));

        assertThat(w.clusters().get(CLUSTER).getState()).isEqualTo(State.RUNNING);

        assertThat(emulator.calls().calls("GET", "/api/2.1/clusters/get")).extracting(RecordedCall::status)
                .containsExactly(429, 429, 200);
        assertThat(emulator.faults().armed()).isZero();
    }

    /**
     * SDK 0.141.0 picks its retry strategy on the request path before the host is prepended, so its
     * "idempotent statement GET" patterns never match: a 500 surfaces at once on every endpoint, even a
     * statement poll. Callers that want 500s retried must retry themselves.
     */
    @Test
    void internalErrorIsSeenAndNotRetriedBySdk0141EvenOnAStatementPoll() {
        StatementResponse submitted = w.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId("wh").setStatement("SELECT 1 AS one").setWaitTimeout("0s"));
        emulator.faults().next("GET", "/api/2.0/sql/statements/*", Fault.internalError());

        assertThatThrownBy(() -> w.statementExecution().getStatement(submitted.getStatementId()))
                .isInstanceOf(InternalError.class).hasMessageContaining("injected");
        StatementResponse polled = w.statementExecution().getStatement(submitted.getStatementId());

        assertThat(polled.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(emulator.calls().calls("GET", "/api/2.0/sql/statements/*")).extracting(RecordedCall::status)
                .containsExactly(500, 200);
    }

    @Test
    void internalErrorOnClustersGetIsNotRetried() {
        emulator.faults().next("GET", "/api/2.1/clusters/get", Fault.internalError().withRetryAfter(0));

        assertThatThrownBy(() -> w.clusters().get(CLUSTER)).isInstanceOf(InternalError.class);
        assertThat(emulator.calls().count("GET", "/api/2.1/clusters/get")).isEqualTo(1);
    }

    @Test
    void serviceUnavailableOnAGetIsRetried() {
        emulator.faults().next("GET", "/api/2.0/sql/statements/**", Fault.serviceUnavailable().withRetryAfter(0));
        StatementResponse submitted = w.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId("wh").setStatement("SELECT 1 AS one").setWaitTimeout("0s"));

        assertThat(w.statementExecution().getStatement(submitted.getStatementId()).getStatus().getState())
                .isEqualTo(StatementState.SUCCEEDED);
        assertThat(emulator.calls().calls("GET", "/api/2.0/sql/statements/**")).extracting(RecordedCall::status)
                .containsExactly(503, 200);
    }

    @Test
    void serviceUnavailableOnAPostIsRetriedAndTheChangeHappensOnce() {
        emulator.faults().next("POST", "/api/2.1/clusters/delete", Fault.serviceUnavailable().withRetryAfter(0));

        w.clusters().delete(CLUSTER);

        assertThat(emulator.calls().calls("POST", "/api/2.1/clusters/delete")).extracting(RecordedCall::status)
                .containsExactly(503, 200);
        assertThat(w.clusters().get(CLUSTER).getState()).isEqualTo(State.TERMINATED);
    }

    @Test
    void persistentServiceUnavailableExhaustsTheSdkRetries() {
        emulator.faults().always("POST", "/api/2.0/sql/statements", Fault.serviceUnavailable().withRetryAfter(0));

        assertThatThrownBy(() -> w.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId("wh").setStatement("SELECT 1"))).isInstanceOf(DatabricksException.class);

        assertThat(emulator.calls().count("POST", "/api/2.0/sql/statements")).isEqualTo(4);
        emulator.faults().clear();
        assertThat(w.statementExecution().executeStatement(new ExecuteStatementRequest().setWarehouseId("wh")
                .setStatement("SELECT 1")).getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
    }

    @Test
    void malformedBodyIsAnSdkError() {
        emulator.faults().next("GET", "/api/2.1/clusters/get", Fault.malformedBody());

        assertThatThrownBy(() -> w.clusters().get(CLUSTER)).isInstanceOf(DatabricksException.class);
        assertThat(emulator.calls().calls("GET", "/api/2.1/clusters/get")).extracting(RecordedCall::status)
                .containsExactly(200);
    }

    @Test
    void slowResponseTimesOutAShortClientTimeout() {
        WorkspaceClient impatient = new WorkspaceClient(Sdk.config(emulator, emulator.token()).setHttpTimeoutSeconds(1));
        emulator.faults().next("GET", "/api/2.1/clusters/get", Fault.delay(Duration.ofMillis(2500)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.clusters().get(CLUSTER)).isInstanceOf(DatabricksException.class)
                .hasRootCauseInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2400));
    }

    @Test
    void wrongTokenIsUnauthenticated() {
        WorkspaceClient intruder = Sdk.client(emulator, "dapi-wrong");

        assertThatThrownBy(() -> intruder.clusters().get(CLUSTER)).isInstanceOf(Unauthenticated.class);
        assertThat(emulator.calls().calls("GET", "/api/2.1/clusters/get")).extracting(RecordedCall::status)
                .containsExactly(401);
    }

    @Test
    void callLogRecordsDiscoveryAndMutatingCalls() {
        assertThat(emulator.calls().count("GET", "/.well-known/databricks-config")).isEqualTo(1);
        w.clusters().get(CLUSTER);
        w.statementExecution().executeStatement(new ExecuteStatementRequest().setWarehouseId("wh")
                .setStatement("SELECT 1"));
        assertThat(emulator.calls().mutatingCalls()).as("reads and queries change nothing").isEmpty();

        w.clusters().delete(CLUSTER);

        assertThat(emulator.calls().mutatingCalls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/api/2.1/clusters/delete");
            assertThat(call.body()).contains(CLUSTER);
            assertThat(call.status()).isEqualTo(200);
        });
        assertThat(emulator.calls().calls("GET", "/api/2.1/clusters/get").get(0).query())
                .containsEntry("cluster_id", java.util.List.of(CLUSTER));
    }
}
