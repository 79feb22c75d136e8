package dev.lakesentry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsFullPrecisionThroughArithmetic() {
        Money a = Money.usd("0.000000000000000001");
        Money b = Money.usd("12345678901234567890.123456789012345678");
        assertThat(a.plus(b).amount()).isEqualByComparingTo("12345678901234567890.123456789012345679");
        assertThat(Money.usd("4.25").times(new BigDecimal("0.15")).amount()).isEqualByComparingTo("0.6375");
    }

    @Test
    void refusesToMixCurrencies() {
        Money usd = Money.usd("1");
        Money eur = Money.of("1", "EUR");
        assertThatThrownBy(() -> usd.plus(eur))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD").hasMessageContaining("EUR");
        assertThatThrownBy(() -> usd.compareTo(eur)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsOnlyForPresentationHalfEvenToMinorUnit() {
        assertThat(Money.usd("0.125").rounded().amount()).isEqualTo(new BigDecimal("0.12"));
        assertThat(Money.usd("0.135").rounded().amount()).isEqualTo(new BigDecimal("0.14"));
        assertThat(Money.of("100.5", "JPY").rounded().amount()).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void comparesIgnoringScale() {
        assertThat(Money.usd("1.0").isSameAs(Money.usd("1.000"))).isTrue();
        assertThat(Money.usd("1.0")).isNotEqualTo(Money.usd("1.000"));
        assertThat(Money.usd("-0.00").isZero()).isTrue();
    }

    @Test
    void parsingErrorsNameTheValue() {
        assertThatThrownBy(() -> Money.usd("12,5")).hasMessageContaining("'12,5'");
        assertThatThrownBy(() -> Money.of("1", "XYZW")).hasMessageContaining("'XYZW'");
        assertThatThrownBy(() -> new Money(null, Currency.getInstance("USD"))).hasMessageContaining("amount");
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).hasMessageContaining("currency");
    }
}
