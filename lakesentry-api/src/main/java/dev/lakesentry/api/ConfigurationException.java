package dev.lakesentry.api;

/**
 * Something the host configured is wrong: a missing store, a duplicate plugin id, a plugin setting
 * that does not parse. Thrown while configuring, never in the middle of a stage run.
 *
 * @since 0.1.0
 */
public class ConfigurationException extends LakeSentryException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
