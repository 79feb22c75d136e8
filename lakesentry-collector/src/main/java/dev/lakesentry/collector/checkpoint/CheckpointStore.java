package dev.lakesentry.collector.checkpoint;

import dev.lakesentry.api.push.SystemTable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable collector state: per connector and table the acknowledged checkpoint, and the batches saved but
 * not yet acknowledged. Implementations make each call atomic; {@link #acknowledge} is idempotent, so a
 * crash between its two effects is repaired by acknowledging the re-sent batch again.
 *
 * @since 0.1.0
 */
public interface CheckpointStore {

    /** The acknowledged checkpoint, empty before the first acknowledgement. */
    Optional<Checkpoint> checkpoint(String connectorId, SystemTable table);

    /** Saves a batch durably; it is pending until acknowledged. Saving the same extraction id again replaces it. */
    void save(SavedBatch batch);

    /** The connector's pending batches, in {@link SavedBatch#ORDER}. */
    List<SavedBatch> pending(String connectorId);

    /**
     * Marks a batch acknowledged: advances the table's checkpoint ({@link Checkpoint#advance}) and removes
     * the batch.
     */
    void acknowledge(SavedBatch batch, Instant at);
}
