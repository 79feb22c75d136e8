package dev.lakesentry.collector;

import dev.lakesentry.api.push.SystemTable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of a connector did, per table.
 *
 * @param connectorId the connector
 * @param startedAt   when the run started
 * @param finishedAt  when it finished
 * @param tables      one report per table touched, in table order
 * @since 0.1.0
 */
public record RunReport(String connectorId, Instant startedAt, Instant finishedAt, List<TableReport> tables) {
    public RunReport {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        tables = List.copyOf(tables);
    }

    /** The report of one table, if the run touched it. */
    public Optional<TableReport> table(SystemTable table) {
        return tables.stream().filter(t -> t.table() == table).findFirst();
    }

    /** Whether any table failed. */
    public boolean failed() {
        return tables.stream().anyMatch(t -> t.outcome() == TableReport.Outcome.FAILED);
    }

    /** Rows read in all. */
    public long rowsRead() {
        return tables.stream().mapToLong(TableReport::rowsRead).sum();
    }
}
