package dev.lakesentry.api;

import java.util.Optional;

/**
 * The store failed: a constraint was violated, the connection broke or a statement was refused.
 * Names the table and, where known, the key, so the message points at the row at fault.
 *
 * @since 0.1.0
 */
public class StoreException extends LakeSentryException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String key;

    public StoreException(String message, String table, String key, Throwable cause) {
        super(message, cause);
        this.table = table;
        this.key = key;
    }

    public StoreException(String message, Throwable cause) {
        this(message, null, null, cause);
    }

    /** The table concerned, when one is. */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    /** The key of the row concerned, when known. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
