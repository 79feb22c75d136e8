package dev.lakesentry.testkit.generator;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Usage that no list price matches (no price row for its SKU, cloud and unit at its
 * {@code usage_end_time}), per day, workspace and SKU: a ledger must keep and count it, never drop it.
 *
 * @param usageDate   the {@code usage_date}
 * @param workspaceId the workspace
 * @param skuName     the SKU
 * @param cloud       the cloud
 * @param usageUnit   the unit
 * @param quantity    the summed quantity
 * @param rows        how many billing rows
 * @since 0.1.0
 */
public record UnpricedUsage(
        LocalDate usageDate,
        String workspaceId,
        String skuName,
        String cloud,
        String usageUnit,
        BigDecimal quantity,
        long rows) {
}
