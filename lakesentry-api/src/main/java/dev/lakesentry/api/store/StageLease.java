package dev.lakesentry.api.store;

import dev.lakesentry.api.stage.StageName;

/**
 * A held stage lock. Closing it releases the lock.
 *
 * @since 0.1.0
 */
public interface StageLease extends AutoCloseable {

    String accountId();

    StageName stage();

    /** Releases the lock; calling it twice is harmless. */
    @Override
    void close();
}
