package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * A query from {@code system.query.history}, linked to its warehouse and, where the source says so,
 * to the job that issued it.
 *
 * @param accountId       the account
 * @param workspaceId     the workspace
 * @param statementId     the statement id
 * @param warehouseId     the warehouse that ran it, or {@code null} (serverless compute)
 * @param executedBy      the issuing principal, or {@code null}
 * @param executionStatus {@code FINISHED}, {@code FAILED} or {@code CANCELED}
 * @param start           start time
 * @param end             end time
 * @param totalDuration   total duration
 * @param readBytes       bytes read
 * @param workUnit        the job that issued it ({@code query_source.job_info}), or {@code null}
 * @since 0.1.0
 */
public record QueryRecord(String accountId, String workspaceId, String statementId, String warehouseId,
                          String executedBy, String executionStatus, Instant start, Instant end,
                          Duration totalDuration, long readBytes, WorkUnitRef workUnit) {
    public QueryRecord {
        Checks.notBlank(accountId, "QueryRecord", "accountId");
        Checks.notBlank(workspaceId, "QueryRecord", "workspaceId");
        Checks.notBlank(statementId, "QueryRecord", "statementId");
        Checks.notNull(start, "QueryRecord", "start");
        Checks.notNull(end, "QueryRecord", "end");
        Checks.ordered(start, end, "QueryRecord", "start", "end");
        Checks.notNull(totalDuration, "QueryRecord", "totalDuration");
        if (totalDuration.isNegative()) {
            throw new IllegalArgumentException("QueryRecord.totalDuration must not be negative, was " + totalDuration);
        }
        Checks.notNegative(readBytes, "QueryRecord", "readBytes");
    }
}
