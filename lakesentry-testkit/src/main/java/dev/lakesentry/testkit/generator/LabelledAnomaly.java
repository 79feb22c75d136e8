package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.TimeWindow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One labelled truth entry: what a detector should find, about which subject, when, and how severe.
 * A detected insight matches it when the insight type and the subject are equal and the windows overlap.
 *
 * @param kind        the kind of behaviour generated
 * @param insightType the insight type a detector should report ({@link AnomalyKind#insightType()})
 * @param subject     the subject (a job, cluster, warehouse or serving endpoint, with its workspace)
 * @param window      when it happened, half-open; ends at the period end when it lasts until then
 * @param severity    the expected severity, by the cut-offs documented in the test kit README
 * @param related     other subjects where the same effect is visible (workspace, SKU, team)
 * @param details     the measured magnitude behind the severity (ratios, hours, rates), as text
 * @since 0.1.0
 */
public record LabelledAnomaly(
        AnomalyKind kind,
        InsightType insightType,
        Subject subject,
        TimeWindow window,
        Severity severity,
        List<Subject> related,
        Map<String, String> details) {

    public LabelledAnomaly {
        if (kind == null || insightType == null || subject == null || window == null || severity == null) {
            throw new IllegalArgumentException("LabelledAnomaly needs kind, insightType, subject, window and severity");
        }
        related = List.copyOf(related);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
