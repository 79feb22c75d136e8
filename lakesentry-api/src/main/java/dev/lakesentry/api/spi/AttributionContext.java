package dev.lakesentry.api.spi;

import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WorkUnit;
import java.util.Optional;

/**
 * What an attribution rule may read about a line item beyond the item itself: its work unit and the
 * teams of principals. Read-only.
 *
 * @since 0.1.0
 */
public interface AttributionContext {

    /** The account. */
    String accountId();

    /** The work unit the item belongs to, when the ledger knows it. */
    Optional<WorkUnit> workUnit(UsageLineItem item);

    /** The team of a principal, from the membership input. */
    Optional<String> teamOf(String principal);
}
