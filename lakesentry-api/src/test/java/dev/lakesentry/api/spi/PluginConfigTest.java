package dev.lakesentry.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.ConfigurationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginConfigTest {

    private final PluginConfig config = PluginConfig.of("acme.untagged", Map.of(
            "threshold", "12.50", "days", "7", "window", "2h", "iso", "PT30M", "flag", "TRUE", "ratio", "0.85",
            "bad-int", "seven", "bad-duration", "soon"));

    @Test
    void typedGettersParseAndDefault() {
        assertThat(config.getDecimal("threshold", BigDecimal.ZERO)).isEqualByComparingTo("12.5");
        assertThat(config.getInt("days", 1)).isEqualTo(7);
        assertThat(config.getInt("missing", 3)).isEqualTo(3);
        assertThat(config.getDuration("window", Duration.ZERO)).isEqualTo(Duration.ofHours(2));
        assertThat(config.getDuration("iso", Duration.ZERO)).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.getBoolean("flag", false)).isTrue();
        assertThat(config.getDouble("ratio", 0)).isEqualTo(0.85);
        assertThat(config.getString("missing", "x")).isEqualTo("x");
    }

    @Test
    void errorsNamePluginKeyAndRawValue() {
        assertThatThrownBy(() -> config.getInt("bad-int", 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'acme.untagged'").hasMessageContaining("'bad-int'").hasMessageContaining("'seven'");
        assertThatThrownBy(() -> config.getDuration("bad-duration", Duration.ZERO))
                .hasMessageContaining("'soon'").hasMessageContaining("PT2H");
        assertThatThrownBy(() -> config.getBoolean("days", false)).hasMessageContaining("true or false");
    }

    @Test
    void reportsEveryUnknownKeyAtOnce() {
        assertThatThrownBy(() -> config.requireOnly(Set.of("threshold", "days")))
                .hasMessageContaining("[bad-duration, bad-int, flag, iso, ratio, window]");
    }

    @Test
    void refusesNullValues() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        m.put("k", null);
        assertThatThrownBy(() -> PluginConfig.of("p", m)).hasMessageContaining("'p'").hasMessageContaining("k=null");
    }
}
