package dev.lakesentry.api.spi;

import dev.lakesentry.api.ConfigurationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plugin's settings: text keys and values, read through typed getters whose errors name the
 * plugin, the key and the raw value. Immutable.
 *
 * @since 0.1.0
 */
public final class PluginConfig {

    private static final PluginConfig EMPTY = new PluginConfig("", Map.of());

    private final String pluginId;
    private final Map<String, String> values;

    private PluginConfig(String pluginId, Map<String, String> values) {
        this.pluginId = pluginId;
        this.values = values;
    }

    /** No settings. */
    public static PluginConfig empty() {
        return EMPTY;
    }

    /**
     * Settings for the plugin with the given id.
     *
     * @throws ConfigurationException naming the plugin when a key or value is null or a key blank
     */
    public static PluginConfig of(String pluginId, Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (k == null || k.isBlank() || v == null) {
                    throw new ConfigurationException("Plugin '" + pluginId + "' setting " + k + "=" + v
                            + " needs a non-blank key and a value");
                }
                copy.put(k, v);
            });
        }
        return new PluginConfig(pluginId == null ? "" : pluginId, Collections.unmodifiableMap(copy));
    }

    /** The plugin these settings are for (empty text when unnamed). */
    public String pluginId() {
        return pluginId;
    }

    /** The keys present. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(values.keySet()));
    }

    /** The raw text of a key. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The text of a key, or the default. */
    public String getString(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    /** An integer, or the default; a value that is not an integer is refused. */
    public int getInt(String key, int defaultValue) {
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "an integer such as 5", e);
        }
    }

    /** A decimal number, or the default; a value that is not a decimal is refused. */
    public BigDecimal getDecimal(String key, BigDecimal defaultValue) {
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "a decimal number such as 2.5", e);
        }
    }

    /** A finite double, or the default. */
    public double getDouble(String key, double defaultValue) {
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(raw.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw invalid(key, raw, "a finite number", null);
            }
            return d;
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "a number such as 0.85", e);
        }
    }

    /** {@code true} or {@code false} (any case), or the default. */
    public boolean getBoolean(String key, boolean defaultValue) {
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        String t = raw.trim();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(key, raw, "true or false", null);
    }

    /** A duration in ISO-8601 ({@code PT2H}) or short form ({@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}), or the default. */
    public Duration getDuration(String key, Duration defaultValue) {
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        String t = raw.trim();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t);
            }
            if (t.length() >= 2) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                switch (Character.toLowerCase(t.charAt(t.length() - 1))) {
                    case 's': return Duration.ofSeconds(n);
                    case 'm': return Duration.ofMinutes(n);
                    case 'h': return Duration.ofHours(n);
                    case 'd': return Duration.ofDays(n);
                    default: break;
                }
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalid(key, raw, "a duration such as PT2H, 90s, 15m, 2h or 7d", e);
        }
        throw invalid(key, raw, "a duration such as PT2H, 90s, 15m, 2h or 7d", null);
    }

    /**
     * Refuses keys the plugin does not know, naming all of them at once.
     *
     * @throws ConfigurationException listing every unknown key and the known ones
     */
    public PluginConfig requireOnly(Set<String> knownKeys) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(knownKeys);
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("Plugin '" + pluginId + "' does not know the setting(s) " + unknown
                    + "; known settings are " + new TreeSet<>(knownKeys));
        }
        return this;
    }

    private ConfigurationException invalid(String key, String raw, String expected, Exception cause) {
        return new ConfigurationException("Plugin '" + pluginId + "' setting '" + key + "' has value '" + raw
                + "'; expected " + expected, cause);
    }

    @Override
    public String toString() {
        return "PluginConfig[" + pluginId + ", keys=" + keys() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginConfig other && other.pluginId.equals(pluginId) && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return pluginId.hashCode() * 31 + values.hashCode();
    }
}
