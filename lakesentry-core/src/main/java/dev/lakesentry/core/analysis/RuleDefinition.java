package dev.lakesentry.core.analysis;

import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.metrics.Confidence;
import dev.lakesentry.api.metrics.OwnerKind;
import dev.lakesentry.api.spi.AllocationShare;
import dev.lakesentry.api.spi.AttributionContext;
import dev.lakesentry.api.spi.AttributionDecision;
import dev.lakesentry.api.spi.AttributionRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An attribution rule given as data (from a rule file or the builder): a priority, what it matches
 * and one action: assign to a team, to the team named by a tag, split across teams by percentages
 * (totalling 100), or put the cost in a named shared bucket. Matching by id, tag, workspace, SKU or
 * product is {@link Confidence#EXACT}; by principal only, {@link Confidence#STRONG}, unless the rule
 * says otherwise.
 *
 * @param id          the rule id
 * @param priority    lower runs first; ties by id
 * @param match       the conditions
 * @param team        assign to this team, or {@code null}
 * @param teamFromTag assign to the team named by this tag's value, or {@code null}
 * @param split       team to percent, or empty
 * @param bucket      a shared bucket, or {@code null}
 * @param confidence  an explicit confidence, or {@code null} for the default
 */
public record RuleDefinition(String id, int priority, RuleMatch match, String team, String teamFromTag,
                             Map<String, BigDecimal> split, String bucket, Confidence confidence)
        implements AttributionRule {

    public RuleDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(match, "match");
        split = split == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(split));
    }

    /** A rule assigning everything it matches to one team. */
    public static RuleDefinition assign(String id, int priority, RuleMatch match, String team) {
        return new RuleDefinition(id, priority, match, team, null, Map.of(), null, null);
    }

    @Override
    public int order() {
        return priority;
    }

    @Override
    public Optional<AttributionDecision> attribute(UsageLineItem item, AttributionContext context) {
        var workUnit = context.workUnit(item);
        if (!match.matches(item, workUnit)) {
            return Optional.empty();
        }
        Confidence c = confidence != null ? confidence : (match.principalOnly() ? Confidence.STRONG : Confidence.EXACT);
        if (team != null) {
            return Optional.of(AttributionDecision.toTeam(id, c, team));
        }
        if (teamFromTag != null) {
            String value = RuleMatch.tag(item, workUnit, teamFromTag);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(AttributionDecision.toTeam(id, c, value));
        }
        if (bucket != null) {
            return Optional.of(new AttributionDecision(id, c,
                    List.of(new AllocationShare(OwnerKind.SHARED_BUCKET, bucket, BigDecimal.valueOf(100)))));
        }
        List<AllocationShare> shares = new ArrayList<>();
        split.forEach((t, pct) -> shares.add(new AllocationShare(OwnerKind.TEAM, t, pct)));
        return Optional.of(new AttributionDecision(id, c, shares));
    }
}
