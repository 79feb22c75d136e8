package dev.lakesentry.api.insight;

import dev.lakesentry.api.internal.Checks;
import java.util.List;
import java.util.Map;

/**
 * What an insight stands on: a one-line summary, the figures computed, the series points and the
 * ledger rows behind it.
 *
 * @param summary  one sentence a person can read, e.g. "cost 412.50 USD vs baseline 80.10 USD (z = 6.1)"
 * @param figures  named figures (baseline, z-score, idle hours…) as text, exactly as computed
 * @param series   the series points examined, the anomalous ones flagged
 * @param rows     the ledger rows behind the claim
 * @since 0.1.0
 */
public record Evidence(String summary, Map<String, String> figures, List<SeriesPoint> series, List<LedgerRowRef> rows) {
    public Evidence {
        Checks.notBlank(summary, "Evidence", "summary");
        figures = Checks.stringMap(figures, "Evidence", "figures");
        series = Checks.list(series, "Evidence", "series");
        rows = Checks.list(rows, "Evidence", "rows");
    }
}
