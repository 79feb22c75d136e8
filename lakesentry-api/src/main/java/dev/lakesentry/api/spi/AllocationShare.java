package dev.lakesentry.api.spi;

import dev.lakesentry.api.internal.Checks;
import dev.lakesentry.api.metrics.OwnerKind;
import java.math.BigDecimal;

/**
 * One owner's share of a cost, in percent.
 *
 * @param ownerKind team or shared bucket (a rule never assigns to the unattributed bucket)
 * @param owner     the team or bucket name
 * @param percent   the share, more than 0 and at most 100
 * @since 0.1.0
 */
public record AllocationShare(OwnerKind ownerKind, String owner, BigDecimal percent) {
    public AllocationShare {
        Checks.notNull(ownerKind, "AllocationShare", "ownerKind");
        if (ownerKind == OwnerKind.UNATTRIBUTED) {
            throw new IllegalArgumentException("AllocationShare.ownerKind must be TEAM or SHARED_BUCKET; "
                    + "leaving a cost unattributed is the engine's fallback, not a rule's decision");
        }
        Checks.notBlank(owner, "AllocationShare", "owner");
        Checks.notNull(percent, "AllocationShare", "percent");
        if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("AllocationShare.percent must be more than 0 and at most 100, was "
                    + percent.toPlainString() + " for '" + owner + "'");
        }
    }

    /** The whole cost to one team. */
    public static AllocationShare team(String team) {
        return new AllocationShare(OwnerKind.TEAM, team, BigDecimal.valueOf(100));
    }
}
