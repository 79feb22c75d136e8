package dev.lakesentry.api.metrics;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A share of one usage line item's cost allocated to a team, a shared bucket or the unattributed
 * bucket. Per account and day, the allocations add up to the ledger total to the cent.
 *
 * @param accountId  the account
 * @param usageDate  the usage day
 * @param recordId   the line item's record id
 * @param ownerKind  team, shared bucket or unattributed
 * @param owner      the team or bucket name ({@link #UNATTRIBUTED} for the unattributed bucket)
 * @param share      the fraction of the line item, from 0 to 1
 * @param amount     the allocated cost (rounded to the cent by the largest-remainder method)
 * @param ruleId     the rule that decided, or the fallback step's id
 * @param confidence how sure the allocation is
 * @since 0.1.0
 */
public record CostAllocation(String accountId, LocalDate usageDate, String recordId, OwnerKind ownerKind,
                             String owner, BigDecimal share, Money amount, String ruleId, Confidence confidence) {

    /** The owner name of the unattributed bucket. */
    public static final String UNATTRIBUTED = "unattributed";

    public CostAllocation {
        Checks.notBlank(accountId, "CostAllocation", "accountId");
        Checks.notNull(usageDate, "CostAllocation", "usageDate");
        Checks.notBlank(recordId, "CostAllocation", "recordId");
        Checks.notNull(ownerKind, "CostAllocation", "ownerKind");
        Checks.notBlank(owner, "CostAllocation", "owner");
        Checks.notNegative(share, "CostAllocation", "share");
        if (share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("CostAllocation.share must be at most 1, was " + share.toPlainString());
        }
        Checks.notNull(amount, "CostAllocation", "amount");
        Checks.notBlank(ruleId, "CostAllocation", "ruleId");
        Checks.notNull(confidence, "CostAllocation", "confidence");
        if ((ownerKind == OwnerKind.UNATTRIBUTED) != (confidence == Confidence.UNATTRIBUTED)) {
            throw new IllegalArgumentException("CostAllocation for '" + recordId + "': ownerKind " + ownerKind
                    + " and confidence " + confidence + " must both be UNATTRIBUTED or neither");
        }
    }
}
