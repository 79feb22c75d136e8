package dev.lakesentry.api.store;

import dev.lakesentry.api.plan.ActionRecord;
import java.time.Instant;
import java.util.List;

/**
 * Reads the action log, oldest first, scoped to one account.
 *
 * @since 0.1.0
 */
public interface ActionReader {

    List<ActionRecord> records(String accountId);

    /** The entries written at or after {@code since}. */
    List<ActionRecord> recordsSince(String accountId, Instant since);
}
