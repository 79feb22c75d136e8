package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/**
 * A list price of a SKU valid from {@code priceStart} until {@code priceEnd} (exclusive; {@code null}
 * while current). {@code unitPrice} is the effective list price ({@code pricing.effective_list.default}),
 * the one Databricks says to cost with; {@code defaultPrice} the long-term list price.
 *
 * @since 0.1.0
 */
public record SkuPrice(String accountId, String skuName, String cloud, Currency currency, String usageUnit,
                       Instant priceStart, Instant priceEnd, BigDecimal unitPrice, BigDecimal defaultPrice) {
    public SkuPrice {
        Checks.notBlank(accountId, "SkuPrice", "accountId");
        Checks.notBlank(skuName, "SkuPrice", "skuName");
        Checks.notBlank(cloud, "SkuPrice", "cloud");
        Checks.notNull(currency, "SkuPrice", "currency");
        Checks.notBlank(usageUnit, "SkuPrice", "usageUnit");
        Checks.notNull(priceStart, "SkuPrice", "priceStart");
        Checks.ordered(priceStart, priceEnd, "SkuPrice", "priceStart", "priceEnd");
        Checks.notNegative(unitPrice, "SkuPrice", "unitPrice");
        if (defaultPrice != null) {
            Checks.notNegative(defaultPrice, "SkuPrice", "defaultPrice");
        }
    }

    /** Whether the price applies at the given instant. */
    public boolean validAt(Instant t) {
        return !t.isBefore(priceStart) && (priceEnd == null || t.isBefore(priceEnd));
    }
}
