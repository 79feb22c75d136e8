package dev.lakesentry.core.analysis;

/**
 * Weights of the significance score's components; they must add up to 1.
 *
 * <ul>
 *   <li>cost impact: the work unit's cost in the period as a share of the costliest work unit's
 *       (0–100);</li>
 *   <li>frequency: runs in the period per day, capped at one a day (jobs), or the share of days with
 *       cost (warehouses, endpoints, clusters, pipelines) (0–100);</li>
 *   <li>reliability: the failure rate of its runs (0–100): failing work wastes what it costs;</li>
 *   <li>volatility: how far its costliest day stands above its median day ((max / median − 1) × 20, capped
 *       at 100): a runaway run or a spike makes a cheap unit matter.</li>
 * </ul>
 * Defaults: cost 0.4, frequency 0.15, reliability 0.15, volatility 0.3. Badges: Top Spender at a score of 45 or more,
 * Growing when cost rose more than 15 % on the prior period of the same length, Long Running when the
 * average run took more than 30 minutes.
 *
 * @param cost        weight of cost impact
 * @param frequency   weight of frequency
 * @param reliability weight of reliability
 * @param volatility  weight of volatility
 */
public record ScoringWeights(double cost, double frequency, double reliability, double volatility) {
    public ScoringWeights {
        if (cost < 0 || frequency < 0 || reliability < 0 || volatility < 0
                || Math.abs(cost + frequency + reliability + volatility - 1.0) > 1e-9) {
            throw new IllegalArgumentException("Scoring weights must be non-negative and add up to 1, were cost " + cost
                    + ", frequency " + frequency + ", reliability " + reliability + ", volatility " + volatility);
        }
    }

    /** The documented defaults: 0.4, 0.15, 0.15, 0.3. */
    public static ScoringWeights defaults() {
        return new ScoringWeights(0.4, 0.15, 0.15, 0.3);
    }
}
