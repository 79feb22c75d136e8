package dev.lakesentry.api.store;

import dev.lakesentry.api.ConflictException;
import dev.lakesentry.api.push.Extraction;

/**
 * The extraction id is registered already; nothing was written. Carries the existing registry entry,
 * so ingestion can answer a same-checksum repeat with the original receipt.
 *
 * @since 0.1.0
 */
public class DuplicateExtractionException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final transient Extraction existing;

    public DuplicateExtractionException(Extraction existing) {
        super("Extraction id '" + existing.extractionId() + "' is registered already (account '"
                + existing.accountId() + "', table " + existing.table().fullName() + ", checksum "
                + existing.checksum() + ")");
        this.existing = existing;
    }

    /** The registry entry that holds the id. */
    public Extraction existing() {
        return existing;
    }
}
