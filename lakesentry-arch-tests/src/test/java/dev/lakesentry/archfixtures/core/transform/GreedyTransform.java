package dev.lakesentry.archfixtures.core.transform;

import dev.lakesentry.api.store.LedgerWriter;
import dev.lakesentry.api.store.RawWriter;

/** Breaks "a stage touches only its own layer's writer": the transformation stage writes raw. */
public class GreedyTransform {
    private final LedgerWriter ledger;
    private final RawWriter raw;

    public GreedyTransform(LedgerWriter ledger, RawWriter raw) {
        this.ledger = ledger;
        this.raw = raw;
    }

    public Object[] writers() {
        return new Object[] {ledger, raw};
    }
}
