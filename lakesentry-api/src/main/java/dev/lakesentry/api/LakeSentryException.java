package dev.lakesentry.api;

/**
 * The root of every exception LakeSentry throws. Unchecked: callers catch the specific subclass
 * they can act on, or this one at the edge of their application.
 *
 * @since 0.1.0
 */
public class LakeSentryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LakeSentryException(String message) {
        super(message);
    }

    public LakeSentryException(String message, Throwable cause) {
        super(message, cause);
    }
}
