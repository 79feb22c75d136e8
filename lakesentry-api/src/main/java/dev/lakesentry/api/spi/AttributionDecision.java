package dev.lakesentry.api.spi;

import dev.lakesentry.api.internal.Checks;
import dev.lakesentry.api.metrics.Confidence;
import java.math.BigDecimal;
import java.util.List;

/**
 * A rule's decision for one line item: who gets what share, and how sure it is.
 *
 * @param ruleId     the deciding rule's id
 * @param confidence exact, strong or estimated
 * @param shares     the shares; their percents add up to exactly 100
 * @since 0.1.0
 */
public record AttributionDecision(String ruleId, Confidence confidence, List<AllocationShare> shares) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public AttributionDecision {
        Checks.notBlank(ruleId, "AttributionDecision", "ruleId");
        Checks.notNull(confidence, "AttributionDecision", "confidence");
        if (confidence == Confidence.UNATTRIBUTED) {
            throw new IllegalArgumentException("AttributionDecision of rule '" + ruleId
                    + "' cannot be UNATTRIBUTED: return no decision instead");
        }
        shares = Checks.list(shares, "AttributionDecision", "shares");
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("AttributionDecision of rule '" + ruleId + "' needs at least one share");
        }
        BigDecimal total = shares.stream().map(AllocationShare::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(HUNDRED) != 0) {
            throw new IllegalArgumentException("AttributionDecision of rule '" + ruleId + "' has shares totalling "
                    + total.toPlainString() + " %; they must total 100");
        }
    }

    /** The whole cost to one team. */
    public static AttributionDecision toTeam(String ruleId, Confidence confidence, String team) {
        return new AttributionDecision(ruleId, confidence, List.of(AllocationShare.team(team)));
    }
}
