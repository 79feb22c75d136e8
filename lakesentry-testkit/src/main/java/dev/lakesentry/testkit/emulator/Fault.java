package dev.lakesentry.testkit.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the emulator answers instead of (or, for a delay, before) the normal response.
 *
 * @param kind              what happens
 * @param status            the HTTP status of an {@link Kind#ERROR} (200 for a malformed body)
 * @param errorCode         the Databricks {@code error_code} of an error body
 * @param message           the error body's message
 * @param retryAfterSeconds the {@code Retry-After} header in seconds, or null for none
 * @param delay             how long a {@link Kind#DELAY} waits before answering normally
 * @since 0.1.0
 */
public record Fault(Kind kind, int status, String errorCode, String message, Integer retryAfterSeconds,
                    Duration delay) {

    /** What a fault does. */
    public enum Kind {
        /** Answer a non-2xx status with a Databricks error body; the request is not processed. */
        ERROR,
        /** Wait, then process the request and answer normally (the change happens even if the client gave up). */
        DELAY,
        /** Answer 200 with a body that is not valid JSON; the request is not processed. */
        MALFORMED_BODY
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A fault's delay must not be negative, was " + delay);
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative, was " + retryAfterSeconds);
        }
    }

    /** 429 TOO_MANY_REQUESTS with {@code Retry-After} (tests use 0 so the SDK retries at once). */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        return new Fault(Kind.ERROR, 429, "TOO_MANY_REQUESTS", "Too many requests. Please wait a moment and try again.",
                retryAfterSeconds, null);
    }

    /** 500 INTERNAL_ERROR. */
    public static Fault internalError() {
        return new Fault(Kind.ERROR, 500, "INTERNAL_ERROR", "Internal error (injected by the emulator).", null, null);
    }

    /** 503 TEMPORARILY_UNAVAILABLE. */
    public static Fault serviceUnavailable() {
        return new Fault(Kind.ERROR, 503, "TEMPORARILY_UNAVAILABLE", "The service is temporarily unavailable.", null,
                null);
    }

    /** Any status with a Databricks error code. */
    public static Fault error(int status, String errorCode, String message) {
        return new Fault(Kind.ERROR, status, errorCode, message, null, null);
    }

    /** Waits this long, then answers normally. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 200, null, null, null, delay);
    }

    /** Answers 200 with a truncated, invalid JSON body. */
    public static Fault malformedBody() {
        return new Fault(Kind.MALFORMED_BODY, 200, null, null, null, null);
    }

    /** This fault with a {@code Retry-After} header, e.g. {@code internalError().withRetryAfter(0)}. */
    public Fault withRetryAfter(int seconds) {
        return new Fault(kind, status, errorCode, message, seconds, delay);
    }
}
