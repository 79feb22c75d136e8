package dev.lakesentry.archfixtures.core.transform;

import dev.lakesentry.api.store.LedgerWriter;

/** Follows the stage rule: the transformation stage writes the ledger only. */
public class TidyTransform {
    private final LedgerWriter ledger;

    public TidyTransform(LedgerWriter ledger) {
        this.ledger = ledger;
    }

    public LedgerWriter ledger() {
        return ledger;
    }
}
