package dev.lakesentry.api.metrics;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Cost on one day for one value of a dimension, e.g. team {@code data-eng} on 2025-03-04.
 *
 * @param accountId   the account
 * @param day         the usage day
 * @param dimension   the dimension
 * @param key         the dimension's value (team name, workspace id, SKU, product, work unit key)
 * @param cost        the priced cost at full precision
 * @param quantity    the usage quantity summed (only meaningful for one unit, e.g. per SKU)
 * @param unpricedRows line items of this group that could not be priced
 * @since 0.1.0
 */
public record DailyCost(String accountId, LocalDate day, CostDimension dimension, String key, Money cost,
                        BigDecimal quantity, long unpricedRows) {
    public DailyCost {
        Checks.notBlank(accountId, "DailyCost", "accountId");
        Checks.notNull(day, "DailyCost", "day");
        Checks.notNull(dimension, "DailyCost", "dimension");
        Checks.notBlank(key, "DailyCost", "key");
        Checks.notNull(cost, "DailyCost", "cost");
        Checks.notNull(quantity, "DailyCost", "quantity");
        Checks.notNegative(unpricedRows, "DailyCost", "unpricedRows");
    }
}
