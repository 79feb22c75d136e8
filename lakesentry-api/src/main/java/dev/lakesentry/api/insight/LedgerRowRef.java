package dev.lakesentry.api.insight;

import dev.lakesentry.api.internal.Checks;

/**
 * Names a ledger row behind an insight, so a person can check the claim: the ledger table and the
 * row's key (a usage record id, a cluster id and valid-from, a run id…).
 *
 * @since 0.1.0
 */
public record LedgerRowRef(String table, String key) {
    public LedgerRowRef {
        Checks.notBlank(table, "LedgerRowRef", "table");
        Checks.notBlank(key, "LedgerRowRef", "key");
    }
}
