package dev.lakesentry.api.ledger;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * One billing row, priced. Corrections are line items of their own (a negative RETRACTION, a
 * RESTATEMENT), summed with the originals. {@code listCost} is {@code quantity × unitPrice} at full
 * precision, or {@code null} when the row could not be priced ({@code priceStatus} says why).
 *
 * @param accountId     the account
 * @param recordId      Databricks' {@code record_id}, unique per row
 * @param workspaceId   the workspace, or {@code null} for account-level usage
 * @param usageDate     the usage day (UTC)
 * @param usageStart    start of the usage window
 * @param usageEnd      end of the usage window
 * @param skuName       the SKU
 * @param cloud         the cloud
 * @param usageUnit     the unit ({@code DBU}, …)
 * @param quantity      the quantity, negative on retractions
 * @param recordType    original, retraction or restatement
 * @param ingestionDate when Databricks wrote the row
 * @param product       {@code billing_origin_product}, or {@code null}
 * @param workUnit      the work unit the row belongs to, or {@code null} when none is known
 * @param clusterId     {@code usage_metadata.cluster_id}; {@code null} for serverless
 * @param warehouseId   {@code usage_metadata.warehouse_id}
 * @param jobId         {@code usage_metadata.job_id}
 * @param jobRunId      {@code usage_metadata.job_run_id}
 * @param pipelineId    {@code usage_metadata.dlt_pipeline_id}
 * @param endpointId    {@code usage_metadata.endpoint_id}
 * @param notebookId    {@code usage_metadata.notebook_id}
 * @param runAs         {@code identity_metadata.run_as}
 * @param ownedBy       {@code identity_metadata.owned_by}
 * @param customTags    {@code custom_tags}
 * @param serverless    {@code product_features.is_serverless}
 * @param unitPrice     the effective list price used, or {@code null} when unpriced
 * @param listCost      quantity × unit price, or {@code null} when unpriced
 * @param priceStatus   priced or why not
 * @param provisional   whether the day is still inside the correction horizon at the as-of time
 * @since 0.1.0
 */
public record UsageLineItem(String accountId, String recordId, String workspaceId, LocalDate usageDate,
                            Instant usageStart, Instant usageEnd, String skuName, String cloud, String usageUnit,
                            BigDecimal quantity, RecordType recordType, LocalDate ingestionDate, String product,
                            WorkUnitRef workUnit, String clusterId, String warehouseId, String jobId,
                            String jobRunId, String pipelineId, String endpointId, String notebookId,
                            String runAs, String ownedBy, Map<String, String> customTags, boolean serverless,
                            BigDecimal unitPrice, Money listCost, PriceStatus priceStatus, boolean provisional) {
    public UsageLineItem {
        Checks.notBlank(accountId, "UsageLineItem", "accountId");
        Checks.notBlank(recordId, "UsageLineItem", "recordId");
        Checks.notNull(usageDate, "UsageLineItem", "usageDate");
        Checks.notNull(usageStart, "UsageLineItem", "usageStart");
        Checks.notNull(usageEnd, "UsageLineItem", "usageEnd");
        Checks.ordered(usageStart, usageEnd, "UsageLineItem", "usageStart", "usageEnd");
        Checks.notBlank(skuName, "UsageLineItem", "skuName");
        Checks.notBlank(cloud, "UsageLineItem", "cloud");
        Checks.notBlank(usageUnit, "UsageLineItem", "usageUnit");
        Checks.notNull(quantity, "UsageLineItem", "quantity");
        Checks.notNull(recordType, "UsageLineItem", "recordType");
        Checks.notNull(ingestionDate, "UsageLineItem", "ingestionDate");
        Checks.notNull(priceStatus, "UsageLineItem", "priceStatus");
        customTags = Checks.stringMap(customTags, "UsageLineItem", "customTags");
        if ((priceStatus == PriceStatus.PRICED) != (listCost != null && unitPrice != null)) {
            throw new IllegalArgumentException("UsageLineItem '" + recordId + "' has priceStatus " + priceStatus
                    + " but unitPrice " + unitPrice + " and listCost " + listCost
                    + ": a priced row needs both, an unpriced row neither");
        }
    }

    /** The list cost, empty when the row could not be priced. */
    public Optional<Money> cost() {
        return Optional.ofNullable(listCost);
    }
}
