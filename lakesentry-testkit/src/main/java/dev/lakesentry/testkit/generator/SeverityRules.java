package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.insight.Severity;

/**
 * The cut-offs the truth uses for expected severities, one method per kind of anomaly. They follow
 * the thresholds of the detectors' issue where it names them (idle clusters: medium from 2 h, high
 * from 6 h, critical from 12 h; oversized: 1, 2, 3+ excess workers) and are documented choices elsewhere.
 *
 * @since 0.1.0
 */
public final class SeverityRules {
    private SeverityRules() {
    }

    /** Idle cluster or idle warehouse, by idle hours: critical ≥ 12, high ≥ 6, medium ≥ 2, else low. */
    public static Severity idle(double hours) {
        return hours >= 12 ? Severity.CRITICAL : hours >= 6 ? Severity.HIGH : hours >= 2 ? Severity.MEDIUM : Severity.LOW;
    }

    /** Spend spike, by peak-day spend over the baseline median day: critical ≥ 8×, high ≥ 4×, medium ≥ 2.5×, else low. */
    public static Severity spend(double ratio) {
        return ratio >= 8 ? Severity.CRITICAL : ratio >= 4 ? Severity.HIGH : ratio >= 2.5 ? Severity.MEDIUM : Severity.LOW;
    }

    /** Runaway run, by its duration over the job's median duration: critical ≥ 10×, high ≥ 5×, medium ≥ 3×, else low. */
    public static Severity runaway(double durationRatio) {
        return durationRatio >= 10 ? Severity.CRITICAL : durationRatio >= 5 ? Severity.HIGH
                : durationRatio >= 3 ? Severity.MEDIUM : Severity.LOW;
    }

    /** Duration regression, by new median over old median duration: high ≥ 3×, medium ≥ 2×, else low. */
    public static Severity regression(double ratio) {
        return ratio >= 3 ? Severity.HIGH : ratio >= 2 ? Severity.MEDIUM : Severity.LOW;
    }

    /** Failure-rate jump, by percentage points: high ≥ 50, medium ≥ 30, else low. */
    public static Severity failureJump(double points) {
        return points >= 50 ? Severity.HIGH : points >= 30 ? Severity.MEDIUM : Severity.LOW;
    }

    /** Oversized cluster, by excess workers: high ≥ 3, medium 2, low 1. */
    public static Severity oversized(int excessWorkers) {
        return excessWorkers >= 3 ? Severity.HIGH : excessWorkers == 2 ? Severity.MEDIUM : Severity.LOW;
    }

    /** Auto-termination: medium when disabled (0), low when over 120 minutes. */
    public static Severity autoTermination(long minutes) {
        return minutes == 0 ? Severity.MEDIUM : Severity.LOW;
    }

    /** Zombie serving endpoint, by days without requests: high ≥ 7, medium ≥ 3, else low. */
    public static Severity zombie(double days) {
        return days >= 7 ? Severity.HIGH : days >= 3 ? Severity.MEDIUM : Severity.LOW;
    }
}
