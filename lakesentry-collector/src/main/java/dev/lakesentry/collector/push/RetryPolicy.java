package dev.lakesentry.collector.push;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a failed call is tried again: at most {@code maxAttempts} attempts in all,
 * waiting {@code initialBackoff} after the first failure and doubling up to {@code maxBackoff}. A server's
 * {@code Retry-After} replaces the computed wait (capped at {@code maxBackoff}).
 *
 * @param maxAttempts    attempts in all, at least 1
 * @param initialBackoff the wait after the first failure
 * @param maxBackoff     the longest wait
 * @param sleeper        how waiting is done (tests pass a sleeper that records instead of sleeping)
 * @since 0.1.0
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {

    /** Waits; {@link Thread#sleep(long)} in production. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits for the duration. */
        void sleep(Duration duration) throws InterruptedException;

        /** The real sleeper. */
        static Sleeper system() {
            return d -> Thread.sleep(d.toMillis());
        }
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("RetryPolicy.maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(sleeper, "sleeper");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("RetryPolicy backoff must be 0 <= initial <= max, was "
                    + initialBackoff + " and " + maxBackoff);
        }
    }

    /** Five attempts, 1 s doubling to 60 s, really sleeping. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Sleeper.system());
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} (1-based) failed. */
    public Duration backoff(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.isNegative() ? Duration.ZERO : min(retryAfter, maxBackoff);
        }
        Duration d = initialBackoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return min(d, maxBackoff);
    }

    /** Waits (also for zero, so a sleeper sees every wait), turning an interrupt into an unchecked failure. */
    public void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
