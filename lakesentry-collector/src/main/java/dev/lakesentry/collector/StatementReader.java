package dev.lakesentry.collector;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.service.sql.CancelExecutionRequest;
import com.databricks.sdk.service.sql.ColumnInfo;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ExecuteStatementRequestOnWaitTimeout;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.StatementParameterListItem;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import com.databricks.sdk.service.sql.StatementStatus;
import dev.lakesentry.api.ExternalServiceException;
import dev.lakesentry.collector.push.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one query through {@code WorkspaceClient.statementExecution()} on a SQL warehouse: INLINE +
 * JSON_ARRAY with a {@code wait_timeout}, polls {@code getStatement} while the statement is PENDING or
 * RUNNING, then pages through every result chunk. SDK calls that fail with 429, 5xx or an I/O error are
 * tried again under the retry policy (on top of the SDK's own retries, which do not cover a 5xx on
 * submit).
 */
final class StatementReader {
    private static final Logger LOG = LoggerFactory.getLogger(StatementReader.class);

    /** A whole result: column names in result order and every row's text values. */
    record Result(String statementId, List<String> columns, List<List<String>> rows) {
    }

    private final WorkspaceClient client;
    private final String warehouseId;
    private final Duration waitTimeout;
    private final Duration pollInterval;
    private final Duration statementTimeout;
    private final RetryPolicy retry;

    StatementReader(WorkspaceClient client, String warehouseId, Duration waitTimeout, Duration pollInterval,
                    Duration statementTimeout, RetryPolicy retry) {
        this.client = client;
        this.warehouseId = warehouseId;
        this.waitTimeout = waitTimeout;
        this.pollInterval = pollInterval;
        this.statementTimeout = statementTimeout;
        this.retry = retry;
    }

    Result run(SystemTableQueries.Query query) {
        String what = "Reading " + query.table().fullName() + " on warehouse " + warehouseId;
        List<StatementParameterListItem> parameters = query.parameters().stream()
                .map(p -> new StatementParameterListItem().setName(p.name()).setType(p.type()).setValue(p.value()))
                .toList();
        ExecuteStatementRequest request = new ExecuteStatementRequest()
                .setWarehouseId(warehouseId)
                .setStatement(query.sql())
                .setParameters(parameters)
                .setDisposition(Disposition.INLINE)
                .setFormat(Format.JSON_ARRAY)
                .setWaitTimeout(waitTimeout.toSeconds() + "s")
                .setOnWaitTimeout(ExecuteStatementRequestOnWaitTimeout.CONTINUE);
        StatementResponse response = call(what + " (submit)", () -> client.statementExecution().executeStatement(request));
        String id = response.getStatementId();
        long maxPolls = Math.max(1, statementTimeout.toMillis() / Math.max(1, pollInterval.toMillis()));
        long polls = 0;
        while (isRunning(response)) {
            if (polls++ >= maxPolls) {
                cancel(id);
                throw new ExternalServiceException(what + ": statement " + id + " did not finish within "
                        + statementTimeout + " and was cancelled; raise statement-timeout or size the warehouse up", null);
            }
            retry.pause(pollInterval);
            response = call(what + " (poll " + id + ")", () -> client.statementExecution().getStatement(id));
        }
        StatementStatus status = response.getStatus();
        StatementState state = status == null ? null : status.getState();
        if (state != StatementState.SUCCEEDED) {
            String error = status == null || status.getError() == null ? "no error given"
                    : status.getError().getMessage();
            throw new ExternalServiceException(what + ": statement " + id + " ended " + state
                    + (status != null && status.getSqlState() != null ? " (SQLSTATE " + status.getSqlState() + ")" : "")
                    + ": " + error, 400, null);
        }
        if (response.getManifest() == null || response.getManifest().getSchema() == null) {
            throw new ExternalServiceException(what + ": statement " + id + " succeeded without a result manifest", null);
        }
        if (Boolean.TRUE.equals(response.getManifest().getTruncated())) {
            throw new ExternalServiceException(what + ": the result of statement " + id + " was truncated (INLINE "
                    + "results are limited to 25 MiB); shorten the overlap or collect more often", 400, null);
        }
        List<String> columns = new ArrayList<>();
        Collection<ColumnInfo> infos = response.getManifest().getSchema().getColumns();
        if (infos != null) {
            infos.stream().sorted(Comparator.comparing(c -> c.getPosition() == null ? 0L : c.getPosition()))
                    .forEach(c -> columns.add(c.getName()));
        }
        List<List<String>> rows = new ArrayList<>();
        ResultData chunk = response.getResult();
        int chunks = 0;
        while (chunk != null) {
            chunks++;
            if (chunk.getDataArray() != null) {
                for (Collection<String> row : chunk.getDataArray()) {
                    rows.add(new ArrayList<>(row));
                }
            }
            Long next = chunk.getNextChunkIndex();
            if (next == null) {
                break;
            }
            long index = next;
            chunk = call(what + " (chunk " + index + " of " + id + ")",
                    () -> client.statementExecution().getStatementResultChunkN(id, index));
        }
        Long expected = response.getManifest().getTotalRowCount();
        if (expected != null && expected != rows.size()) {
            throw new ExternalServiceException(what + ": statement " + id + " announced " + expected + " rows but "
                    + rows.size() + " arrived", null);
        }
        LOG.debug("{}: statement {} returned {} rows in {} chunk(s) after {} poll(s)", what, id, rows.size(), chunks, polls);
        return new Result(id, columns, rows);
    }

    private static boolean isRunning(StatementResponse response) {
        StatementState s = response.getStatus() == null ? null : response.getStatus().getState();
        return s == StatementState.PENDING || s == StatementState.RUNNING;
    }

    private void cancel(String id) {
        try {
            client.statementExecution().cancelExecution(new CancelExecutionRequest().setStatementId(id));
        } catch (DatabricksException e) {
            LOG.warn("Cancelling statement {} failed: {}", id, e.getMessage());
        }
    }

    private <T> T call(String what, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (DatabricksException e) {
                int status = e instanceof DatabricksError de ? de.getStatusCode() : -1;
                boolean retryable = status <= 0 || status == 429 || status >= 500;
                if (!retryable || attempt >= retry.maxAttempts()) {
                    throw new ExternalServiceException(what + " failed" + (status > 0 ? " with HTTP " + status : "")
                            + (retryable ? " after " + attempt + " attempt(s)" : "") + ": " + e.getMessage(), status, e);
                }
                Duration wait = retry.backoff(attempt, null);
                LOG.warn("{} failed{} (attempt {} of {}): {}; retrying in {} ms", what,
                        status > 0 ? " with HTTP " + status : "", attempt, retry.maxAttempts(), e.getMessage(),
                        wait.toMillis());
                retry.pause(wait);
            }
        }
    }
}
