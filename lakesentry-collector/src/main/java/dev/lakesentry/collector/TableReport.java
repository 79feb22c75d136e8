package dev.lakesentry.collector;

import dev.lakesentry.api.push.SystemTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one run did with one table.
 *
 * @param table           the table
 * @param outcome         collected, skipped or failed
 * @param rowsRead        rows read from Databricks in this run
 * @param batchesPushed   new batches acknowledged by ingestion
 * @param batchesResent   saved batches of earlier runs re-sent and acknowledged
 * @param alreadyIngested acknowledgements that answered "already ingested"
 * @param rowsAppended    raw rows ingestion reported appended
 * @param watermark       the table's checkpoint watermark after the run, or {@code null}
 * @param lag             as-of time minus that watermark, or {@code null} when there is none
 * @param extractionIds   the extraction ids pushed (re-sent ones first)
 * @param error           why the table failed, or {@code null}
 * @since 0.1.0
 */
public record TableReport(SystemTable table, Outcome outcome, long rowsRead, int batchesPushed, int batchesResent,
                          int alreadyIngested, long rowsAppended, Instant watermark, Duration lag,
                          List<String> extractionIds, String error) {

    /** What happened to a table in one run. */
    public enum Outcome {
        /** Read and pushed (possibly zero new rows). */
        COLLECTED,
        /** Not collected by this connector (only pending batches were re-sent, if any). */
        SKIPPED,
        /** Something failed; see {@link TableReport#error()}. Its checkpoint did not move past unacknowledged data. */
        FAILED
    }

    public TableReport {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(outcome, "outcome");
        extractionIds = List.copyOf(extractionIds);
    }
}
