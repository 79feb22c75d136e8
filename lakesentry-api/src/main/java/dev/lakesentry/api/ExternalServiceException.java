package dev.lakesentry.api;

import java.util.OptionalInt;

/**
 * A call to an outside service (the Databricks REST API, an ingestion endpoint) failed. Carries the
 * HTTP status when there was one, so callers can tell throttling and server errors from refusals.
 *
 * @since 0.1.0
 */
public class ExternalServiceException extends LakeSentryException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ExternalServiceException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public ExternalServiceException(String message, Throwable cause) {
        this(message, -1, cause);
    }

    /** The HTTP status, when the service answered. */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** Whether the failure is worth retrying: no answer, 429 or a 5xx. */
    public boolean retryable() {
        return status < 0 || status == 429 || status >= 500;
    }
}
