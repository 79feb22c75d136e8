package dev.lakesentry.api.insight;

import dev.lakesentry.api.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One point of a series an insight stands on, e.g. a day's cost, marked when it is the anomalous one.
 *
 * @since 0.1.0
 */
public record SeriesPoint(Instant at, BigDecimal value, boolean flagged) {
    public SeriesPoint {
        Checks.notNull(at, "SeriesPoint", "at");
        Checks.notNull(value, "SeriesPoint", "value");
    }
}
