package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.insight.TimeWindow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labelled truth of a generated account: the injected (and naturally arising) anomalies, the
 * expected cost per day × workspace × SKU × currency, the usage no price matches, the corrections
 * written, the true owner of every entity, and how many rows each table got.
 *
 * @param profile         the config's profile label
 * @param seed            the seed
 * @param accountId       the account id of every row
 * @param period          the generated period
 * @param anomalies       labelled anomalies, in generation order
 * @param expectedCosts   expected cost, sorted by date, workspace, SKU and currency
 * @param unpricedUsage   unpriced usage, sorted by date, workspace and SKU
 * @param corrections     the billing corrections written
 * @param entities        the true owner of each entity
 * @param rowCounts       rows per table, by full table name
 * @since 0.1.0
 */
public record GroundTruth(
        String profile,
        long seed,
        String accountId,
        TimeWindow period,
        List<LabelledAnomaly> anomalies,
        List<ExpectedCost> expectedCosts,
        List<UnpricedUsage> unpricedUsage,
        List<CorrectionGroup> corrections,
        List<EntityLabel> entities,
        Map<String, Long> rowCounts) {

    public GroundTruth {
        anomalies = List.copyOf(anomalies);
        expectedCosts = List.copyOf(expectedCosts);
        unpricedUsage = List.copyOf(unpricedUsage);
        corrections = List.copyOf(corrections);
        entities = List.copyOf(entities);
        rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }

    /** The anomalies of one kind. */
    public List<LabelledAnomaly> anomalies(AnomalyKind kind) {
        return anomalies.stream().filter(a -> a.kind() == kind).toList();
    }

    /** The expected cost of one day, workspace and SKU in a currency, if any usage was priced. */
    public Optional<ExpectedCost> expectedCost(LocalDate usageDate, String workspaceId, String skuName,
                                               String currencyCode) {
        return expectedCosts.stream()
                .filter(c -> c.usageDate().equals(usageDate) && c.workspaceId().equals(workspaceId)
                        && c.skuName().equals(skuName) && c.currencyCode().equals(currencyCode))
                .findFirst();
    }

    /** The exact total expected cost in a currency over the whole account and period. */
    public BigDecimal totalCost(String currencyCode) {
        return expectedCosts.stream().filter(c -> c.currencyCode().equals(currencyCode))
                .map(ExpectedCost::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** How many billing rows no price matched. */
    public long unpricedRows() {
        return unpricedUsage.stream().mapToLong(UnpricedUsage::rows).sum();
    }
}
