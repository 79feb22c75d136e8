package dev.lakesentry.api.spi;

import dev.lakesentry.api.ledger.UsageLineItem;
import java.util.Optional;

/**
 * Decides who a usage line item's cost belongs to. Rules run in {@link #order()} (lower first, ties
 * broken by id); the first decision wins; when none decides, the engine's fallback chain ends in the
 * explicit unattributed bucket.
 *
 * @since 0.1.0
 */
public interface AttributionRule {

    /** The rule's id. */
    String id();

    /** A decision for the item, or empty when the rule does not apply. */
    Optional<AttributionDecision> attribute(UsageLineItem item, AttributionContext context);

    /** Where the rule runs: lower first. */
    default int order() {
        return 1000;
    }
}
