package dev.lakesentry.api;

/**
 * A request conflicts with what is already stored, for example an extraction id re-used with a
 * different checksum.
 *
 * @since 0.1.0
 */
public class ConflictException extends LakeSentryException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
