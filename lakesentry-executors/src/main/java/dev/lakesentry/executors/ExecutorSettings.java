package dev.lakesentry.executors;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.spi.PluginConfig;
import java.time.Duration;
import java.util.Set;

/**
 * The settings every built-in executor reads from its {@link PluginConfig}.
 *
 * @param httpTimeout  the SDK's HTTP timeout per request ({@code http-timeout}, default 30 s, whole seconds, at least 1 s)
 * @param maxAttempts  attempts per call on a 500, 502, 504 or a timeout ({@code max-attempts}, default 3, 1 to 10);
 *                     the SDK itself retries 429 and 503
 */
public record ExecutorSettings(Duration httpTimeout, int maxAttempts) {
    /** The keys the executors know. */
    public static final Set<String> KEYS = Set.of("http-timeout", "max-attempts");

    public ExecutorSettings {
        if (httpTimeout == null || httpTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigurationException("Executor setting 'http-timeout' must be at least 1s, was " + httpTimeout);
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new ConfigurationException("Executor setting 'max-attempts' must be between 1 and 10, was " + maxAttempts);
        }
    }

    /** The defaults: 30 s and 3 attempts. */
    public static ExecutorSettings defaults() {
        return new ExecutorSettings(Duration.ofSeconds(30), 3);
    }

    /** The settings in a plugin's configuration; unknown keys are refused. */
    public static ExecutorSettings from(PluginConfig config) {
        config.requireOnly(KEYS);
        return new ExecutorSettings(config.getDuration("http-timeout", Duration.ofSeconds(30)),
                config.getInt("max-attempts", 3));
    }
}
