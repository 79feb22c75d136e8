package dev.lakesentry.api;

/**
 * A pipeline stage failed for an account. The layer the stage writes is left as it was before the
 * run; the cause says why.
 *
 * @since 0.1.0
 */
public class StageException extends LakeSentryException {
    private static final long serialVersionUID = 1L;

    public StageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StageException(String message) {
        super(message);
    }
}
