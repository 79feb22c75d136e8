package dev.lakesentry.api.store;

import dev.lakesentry.api.push.Extraction;
import dev.lakesentry.api.push.Rejection;
import dev.lakesentry.api.push.SystemTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the raw layer and the extraction registry. Every method is scoped to one account.
 *
 * @since 0.1.0
 */
public interface RawReader {

    /** The registry entry of an extraction id, in any account. */
    Optional<Extraction> extraction(String extractionId);

    /** The account's registry entries, in ingestion order. */
    List<Extraction> extractions(String accountId);

    /** The account's latest snapshot of a table, if any. */
    Optional<Extraction> latestSnapshot(String accountId, SystemTable table);

    /** How many raw rows the account has for the table (every copy counts). */
    long rowCount(String accountId, SystemTable table);

    /** Streams the account's raw rows of a table, in ingestion order and then push order. */
    void forEachRow(String accountId, SystemTable table, Consumer<RawRow> action);

    /** The account's raw rows of a table, in ingestion order and then push order. */
    default List<RawRow> rows(String accountId, SystemTable table) {
        List<RawRow> out = new java.util.ArrayList<>();
        forEachRow(accountId, table, out::add);
        return out;
    }

    /**
     * The transformation queue: the usage days touched by the account's extractions whose sequence is
     * above {@code afterSequence}.
     */
    SortedSet<LocalDate> touchedDaysSince(String accountId, long afterSequence);

    /** The highest extraction sequence of the account, or 0 when it has none. */
    long latestSequence(String accountId);

    /** The account's refused pushes, oldest first. */
    List<Rejection> rejections(String accountId);

    /** The accounts that have any raw data. */
    List<String> accounts();

    /**
     * The data's own latest time for the account: the latest billing {@code ingestion_date} (as the
     * start of that day, UTC), or empty when there is no billing data. The default as-of time.
     */
    Optional<Instant> latestIngestionTime(String accountId);
}
