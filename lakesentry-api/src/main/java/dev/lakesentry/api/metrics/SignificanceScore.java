package dev.lakesentry.api.metrics;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.internal.Checks;
import dev.lakesentry.api.ledger.WorkUnitRef;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A work unit's 0–100 significance score as of a time, with the components it was computed from.
 *
 * @param accountId  the account
 * @param workUnit   the work unit
 * @param asOf       the as-of time of the scoring run
 * @param score      the score, 0 to 100
 * @param cost       the work unit's cost in the scoring period
 * @param components each component's contribution (cost impact, frequency, reliability, …)
 * @param badges     the badges earned
 * @since 0.1.0
 */
public record SignificanceScore(String accountId, WorkUnitRef workUnit, Instant asOf, double score, Money cost,
                                Map<String, Double> components, Set<Badge> badges) {
    public SignificanceScore {
        Checks.notBlank(accountId, "SignificanceScore", "accountId");
        Checks.notNull(workUnit, "SignificanceScore", "workUnit");
        Checks.notNull(asOf, "SignificanceScore", "asOf");
        Checks.percent(score, "SignificanceScore", "score");
        Checks.notNull(cost, "SignificanceScore", "cost");
        components = components == null ? Map.of() : Map.copyOf(components);
        badges = badges == null ? Set.of() : Set.copyOf(badges);
    }
}
