package dev.lakesentry.testkit.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The expected list cost of one usage day, workspace and SKU in one currency: the sum over every
 * billing row of that day, workspace and SKU (ORIGINAL, RETRACTION and RESTATEMENT alike) of
 * {@code usage_quantity × pricing.effective_list.default} of the price row valid at the row's
 * {@code usage_end_time} for the same SKU, cloud and unit. Computed from the generated rows, never by
 * ledger code.
 *
 * @param usageDate    the {@code usage_date}
 * @param workspaceId  the workspace
 * @param skuName      the SKU
 * @param currencyCode the price's currency
 * @param quantity     the summed usage quantity that was priced
 * @param cost         the cost: each line rounded to 18 decimal places as a ledger line stores it, summed
 *                     exactly (round only to compare)
 * @param rows         how many billing rows contributed
 * @since 0.1.0
 */
public record ExpectedCost(
        LocalDate usageDate,
        String workspaceId,
        String skuName,
        String currencyCode,
        BigDecimal quantity,
        BigDecimal cost,
        long rows) {

    /** The cost rounded half-even to cents, for comparing with a ledger "to the cent". */
    public BigDecimal costInCents() {
        return cost.setScale(2, RoundingMode.HALF_EVEN);
    }
}
