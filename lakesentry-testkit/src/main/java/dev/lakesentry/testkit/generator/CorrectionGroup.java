package dev.lakesentry.testkit.generator;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A billing correction the generator wrote: an ORIGINAL row, its RETRACTION and, unless the original
 * should never have existed, a RESTATEMENT. Databricks links them by nothing but equal fields; the
 * truth names the record ids so tests can check them.
 *
 * @param originalRecordId    the corrected ORIGINAL row
 * @param retractionRecordId  the RETRACTION (quantity negated)
 * @param restatementRecordId the RESTATEMENT, or {@code null} when only a retraction was written
 * @param workspaceId         the workspace
 * @param usageDate           the usage date shared by all rows of the group
 * @param correctionIngestion the {@code ingestion_date} of the retraction and restatement
 * @param originalQuantity    the original quantity
 * @param restatedQuantity    the restated quantity, zero when retracted alone
 * @since 0.1.0
 */
public record CorrectionGroup(
        String originalRecordId,
        String retractionRecordId,
        String restatementRecordId,
        String workspaceId,
        LocalDate usageDate,
        LocalDate correctionIngestion,
        BigDecimal originalQuantity,
        BigDecimal restatedQuantity) {
}
