package dev.lakesentry.core.analysis;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.store.InsightReader;
import dev.lakesentry.api.store.InsightWriter;
import dev.lakesentry.api.store.LedgerReader;
import dev.lakesentry.api.store.MetricsReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every detector against a read-only context as of a time and writes what they find. Detectors
 * are isolated: one that throws, or returns a malformed insight, is recorded as failed and the others
 * still run. Insight ids are derived from type, subject and window, so finding the same thing again
 * updates the stored insight instead of duplicating it.
 */
public final class DetectionStage {
    private static final Logger LOG = LoggerFactory.getLogger(DetectionStage.class);

    private final LedgerReader ledger;
    private final MetricsReader metrics;
    private final InsightReader insights;
    private final InsightWriter writer;
    private final List<Detector> detectors;

    /** What a detection run did: the insights per detector and the failures. */
    public record DetectionReport(Instant asOf, Map<String, List<Insight>> found, Map<String, String> failures) {
        /** Every insight found, by id. */
        public List<Insight> insights() {
            List<Insight> all = new ArrayList<>();
            found.values().forEach(all::addAll);
            all.sort(Comparator.comparing(Insight::id));
            return all;
        }
    }

    public DetectionStage(LedgerReader ledger, MetricsReader metrics, InsightReader insights, InsightWriter writer,
                          List<Detector> detectors) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.insights = Objects.requireNonNull(insights, "insights");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.detectors = List.copyOf(detectors);
    }

    /** Runs the detectors for the account as of {@code asOf} and upserts their insights. */
    public DetectionReport run(String accountId, Instant asOf) {
        DetectionReport report = detect(accountId, asOf);
        writer.inTransaction(w -> {
            w.upsert(report.insights());
            for (String detectorId : report.found().keySet()) {
                w.recordRun(accountId, detectorId, asOf);
            }
            return null;
        });
        return report;
    }

    /** Runs the detectors without writing. */
    public DetectionReport detect(String accountId, Instant asOf) {
        DetectionContext context = new Context(accountId, asOf, ledger, metrics, insights);
        Map<String, List<Insight>> found = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Detector d : detectors) {
            try {
                List<Insight> result = d.detect(context);
                for (Insight i : result) {
                    if (!i.accountId().equals(accountId) || !i.detectorId().equals(d.id()) || i.window().end().isAfter(asOf)) {
                        throw new IllegalStateException("returned insight " + i.id() + " of account '" + i.accountId()
                                + "', detector '" + i.detectorId() + "', window end " + i.window().end()
                                + "; expected account '" + accountId + "', detector '" + d.id() + "', window ending by " + asOf);
                    }
                }
                found.put(d.id(), List.copyOf(result));
            } catch (RuntimeException e) {
                failures.put(d.id(), e.toString());
                LOG.error("Detector '{}' failed for account '{}' as of {}; the other detectors still run", d.id(),
                        accountId, asOf, e);
            }
        }
        LOG.info("Detection for account '{}' as of {}: {} insight(s), {} detector failure(s)", accountId, asOf,
                found.values().stream().mapToInt(List::size).sum(), failures.size());
        return new DetectionReport(asOf, found, failures);
    }

    private record Context(String accountId, Instant asOf, LedgerReader ledger, MetricsReader metrics,
                           InsightReader previousInsights) implements DetectionContext {
    }
}
