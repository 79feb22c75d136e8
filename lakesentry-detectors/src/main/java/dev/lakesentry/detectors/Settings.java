package dev.lakesentry.detectors;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.spi.PluginConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a detector's settings from its {@link PluginConfig}, checks their ranges and records the value
 * in force of every key read, which becomes the detector's {@code parameters()}.
 */
final class Settings {

    private final String detectorId;
    private final PluginConfig config;
    private final Map<String, String> inForce = new TreeMap<>();

    Settings(String detectorId, PluginConfig config) {
        this.detectorId = detectorId;
        this.config = config == null ? PluginConfig.empty() : config;
    }

    int integer(String key, int defaultValue, int min) {
        int v = config.getInt(key, defaultValue);
        if (v < min) {
            throw invalid(key, String.valueOf(v), "an integer of at least " + min);
        }
        inForce.put(key, String.valueOf(v));
        return v;
    }

    double number(String key, double defaultValue, double min, double max) {
        double v = config.getDouble(key, defaultValue);
        if (v < min || v > max) {
            throw invalid(key, String.valueOf(v), "a number from " + min + " to " + max);
        }
        inForce.put(key, String.valueOf(v));
        return v;
    }

    BigDecimal money(String key, String defaultValue) {
        BigDecimal v = config.getDecimal(key, new BigDecimal(defaultValue));
        if (v.signum() < 0) {
            throw invalid(key, v.toPlainString(), "an amount of at least 0");
        }
        inForce.put(key, v.toPlainString());
        return v;
    }

    Duration duration(String key, Duration defaultValue, Duration min) {
        Duration v = config.getDuration(key, defaultValue);
        if (v.compareTo(min) < 0) {
            throw invalid(key, v.toString(), "a duration of at least " + min);
        }
        inForce.put(key, v.toString());
        return v;
    }

    String text(String key, String defaultValue) {
        String v = config.getString(key, defaultValue);
        inForce.put(key, v);
        return v;
    }

    /** A text setting that must be one of {@code allowed} (the message lists them: "a or b", "a, b or c"). */
    String choice(String key, String defaultValue, String... allowed) {
        String v = text(key, defaultValue);
        if (!java.util.Arrays.asList(allowed).contains(v)) {
            String last = allowed[allowed.length - 1];
            String rest = String.join(", ", java.util.Arrays.copyOf(allowed, allowed.length - 1));
            throw invalid(key, v, rest.isEmpty() ? last : rest + " or " + last);
        }
        return v;
    }

    Pattern pattern(String key, String defaultValue) {
        String v = text(key, defaultValue);
        try {
            return Pattern.compile(v);
        } catch (PatternSyntaxException e) {
            throw new ConfigurationException("Detector '" + detectorId + "' setting '" + key + "' has value '" + v
                    + "'; expected a Java regular expression such as (?i).*prod.*", e);
        }
    }

    boolean flag(String key, boolean defaultValue) {
        boolean v = config.getBoolean(key, defaultValue);
        inForce.put(key, String.valueOf(v));
        return v;
    }

    /** Refuses keys no read asked for, then returns the values in force, sorted by key. */
    Map<String, String> finish() {
        config.requireOnly(inForce.keySet());
        return Collections.unmodifiableMap(new TreeMap<>(inForce));
    }

    ConfigurationException invalid(String key, String value, String expected) {
        return new ConfigurationException("Detector '" + detectorId + "' setting '" + key + "' has value '" + value
                + "'; expected " + expected);
    }
}
