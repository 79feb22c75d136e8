package dev.lakesentry.api.store;

import dev.lakesentry.api.stage.StageName;
import java.util.Optional;

/**
 * One lock per account and stage, held in the store, so two host processes never run the same stage
 * for the same account at once.
 *
 * @since 0.1.0
 */
public interface StageLocks {

    /**
     * Takes the lock if it is free.
     *
     * @param owner names the holder in diagnostics (host and thread), never a secret
     * @return the lease, or empty when another holder has it
     */
    Optional<StageLease> tryAcquire(String accountId, StageName stage, String owner);
}
