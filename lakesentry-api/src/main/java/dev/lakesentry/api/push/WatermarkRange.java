package dev.lakesentry.api.push;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * The watermark range an incremental push covers, on the table's watermark column. Dates are taken
 * as the start of that day in UTC.
 *
 * @param from the lower bound read (inclusive, overlap included), or {@code null} for a first load
 * @param to   the highest watermark value seen in the push (inclusive)
 * @since 0.1.0
 */
public record WatermarkRange(Instant from, Instant to) {
    public WatermarkRange {
        Checks.notNull(to, "WatermarkRange", "to");
        Checks.ordered(from, to, "WatermarkRange", "from", "to");
    }

    /** The lower bound, empty for a first load. */
    public Optional<Instant> fromBound() {
        return Optional.ofNullable(from);
    }
}
