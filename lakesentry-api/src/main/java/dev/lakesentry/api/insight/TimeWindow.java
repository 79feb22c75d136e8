package dev.lakesentry.api.insight;

import dev.lakesentry.api.internal.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * A half-open time window {@code [start, end)}.
 *
 * @since 0.1.0
 */
public record TimeWindow(Instant start, Instant end) {
    public TimeWindow {
        Checks.notNull(start, "TimeWindow", "start");
        Checks.notNull(end, "TimeWindow", "end");
        Checks.ordered(start, end, "TimeWindow", "start", "end");
    }

    /** The window's length. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Whether the instant lies in the window. */
    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
