package dev.lakesentry.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, exact: never a {@code double}. Arithmetic refuses to mix
 * currencies. Amounts keep their full precision; rounding happens only at presentation
 * ({@link #rounded()}).
 *
 * @param amount   the amount, any scale
 * @param currency the currency
 * @since 0.1.0
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** US dollars, the currency of Databricks list prices. */
    public static final Currency USD = Currency.getInstance("USD");

    public Money {
        Objects.requireNonNull(amount, "Money amount must not be null");
        Objects.requireNonNull(currency, "Money currency must not be null");
    }

    /** An amount in US dollars. */
    public static Money usd(BigDecimal amount) {
        return new Money(amount, USD);
    }

    /** An amount in US dollars, parsed from decimal text such as {@code "12.34"}. */
    public static Money usd(String amount) {
        return of(amount, "USD");
    }

    /** Zero in the given currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * An amount parsed from decimal text in the currency with the given ISO 4217 code.
     *
     * @throws IllegalArgumentException naming the value when the amount or the code does not parse
     */
    public static Money of(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "Money amount must not be null");
        Objects.requireNonNull(currencyCode, "Money currency must not be null");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Money amount '" + amount + "' is not a decimal number", e);
        }
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Money currency '" + currencyCode + "' is not an ISO 4217 code", e);
        }
        return new Money(value, currency);
    }

    /** The sum; both must be in the same currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** The difference; both must be in the same currency. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** This amount times a factor, exact. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    /** The negated amount. */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** Whether the amount is zero, whatever its scale. */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** The amount rounded half-even to the currency's minor unit, for presentation. */
    public Money rounded() {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return new Money(amount.setScale(digits, RoundingMode.HALF_EVEN), currency);
    }

    /** Compares amounts numerically; both must be in the same currency. */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Whether both are in the same currency and numerically equal, ignoring scale ({@code 1.0 == 1.00}). */
    public boolean isSameAs(Money other) {
        return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other money must not be null");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode()
                            + ": amounts in different currencies are never summed");
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
