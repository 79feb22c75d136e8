package dev.lakesentry.api.spi;

import dev.lakesentry.api.insight.Insight;
import java.util.List;
import java.util.Map;

/**
 * Finds insights in the ledger and metrics. Immutable and deterministic: the same context gives the
 * same insights. It reads through the context and returns values; it never writes.
 *
 * @since 0.1.0
 */
public interface Detector {

    /** The detector's id, as its provider names it. */
    String id();

    /** The insights found as of {@code context.asOf()}; empty when none. */
    List<Insight> detect(DetectionContext context);

    /** The parameters in force, recorded with each insight. */
    default Map<String, String> parameters() {
        return Map.of();
    }
}
