package dev.lakesentry.core.analysis;

/**
 * Weights of the significance score's components; they must add up to 1.
 *
 * <ul>
 *   <li>cost impact: the work unit's cost in the period as a share of the costliest work unit's
 *       (0–100);</li>
 *   <li>frequency: runs in the period per day, capped at one a day (jobs), or the share of days with
 *       cost (warehouses, endpoints, clusters, pipelines) (0–100);</li>
 *   <li>reliability: the failure rate of its runs (0–100): failing work wastes what it costs.</li>
 * </ul>
 * Defaults: cost 0.6, frequency 0.2, reliability 0.2. Badges: Top Spender at a score of 45 or more,
 * Growing when cost rose more than 15 % on the prior period of the same length, Long Running when the
 * average run took more than 30 minutes.
 *
 * @param cost        weight of cost impact
 * @param frequency   weight of frequency
 * @param reliability weight of reliability
 */
public record ScoringWeights(double cost, double frequency, double reliability) {
    public ScoringWeights {
        if (cost < 0 || frequency < 0 || reliability < 0 || Math.abs(cost + frequency + reliability - 1.0) > 1e-9) {
            throw new IllegalArgumentException("Scoring weights must be non-negative and add up to 1, were cost " + cost
                    + ", frequency " + frequency + ", reliability " + reliability);
        }
    }

    /** The documented defaults: 0.6, 0.2, 0.2. */
    public static ScoringWeights defaults() {
        return new ScoringWeights(0.6, 0.2, 0.2);
    }
}
