package dev.lakesentry.api.insight;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Something a detector found. The id is derived from type, subject and window ({@link #idOf}), so
 * re-running analysis updates an insight instead of duplicating it. The status a person sees is
 * derived from the insight and the review events ({@link InsightStatus}), never stored here.
 *
 * @param id                    derived from type, subject and window
 * @param accountId             the account
 * @param type                  the type
 * @param severity              the severity
 * @param subject               what it is about
 * @param window                the time window it covers
 * @param estimatedMonthlyImpact estimated cost per month (waste or excess spend); zero when none
 * @param evidence              what it stands on
 * @param detectorId            the detector that found it
 * @param detectorParameters    the detector's parameters in force
 * @param detectedAt            the as-of time of the analysis run that found it
 * @since 0.1.0
 */
public record Insight(String id, String accountId, InsightType type, Severity severity, Subject subject,
                      TimeWindow window, Money estimatedMonthlyImpact, Evidence evidence, String detectorId,
                      Map<String, String> detectorParameters, Instant detectedAt) {
    public Insight {
        Checks.notBlank(id, "Insight", "id");
        Checks.notBlank(accountId, "Insight", "accountId");
        Checks.notNull(type, "Insight", "type");
        Checks.notNull(severity, "Insight", "severity");
        Checks.notNull(subject, "Insight", "subject");
        Checks.notNull(window, "Insight", "window");
        Checks.notNull(estimatedMonthlyImpact, "Insight", "estimatedMonthlyImpact");
        Checks.notNull(evidence, "Insight", "evidence");
        Checks.notBlank(detectorId, "Insight", "detectorId");
        detectorParameters = Checks.stringMap(detectorParameters, "Insight", "detectorParameters");
        Checks.notNull(detectedAt, "Insight", "detectedAt");
        String expected = idOf(accountId, type, subject, window);
        if (!id.equals(expected)) {
            throw new IllegalArgumentException("Insight.id '" + id + "' is not derived from its account, type, subject"
                    + " and window (expected '" + expected + "'); build insights with Insight.of(...)");
        }
    }

    /** An insight whose id is derived from account, type, subject and window. */
    public static Insight of(String accountId, InsightType type, Severity severity, Subject subject, TimeWindow window,
                             Money estimatedMonthlyImpact, Evidence evidence, String detectorId,
                             Map<String, String> detectorParameters, Instant detectedAt) {
        return new Insight(idOf(accountId, type, subject, window), accountId, type, severity, subject, window,
                estimatedMonthlyImpact, evidence, detectorId, detectorParameters, detectedAt);
    }

    /**
     * The id of an insight: {@code ins-} and the first 24 hex digits of the SHA-256 of account, type,
     * subject key and window bounds.
     */
    public static String idOf(String accountId, InsightType type, Subject subject, TimeWindow window) {
        String text = accountId + "|" + type.value() + "|" + subject.key() + "|" + window.start() + "|" + window.end();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "ins-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
