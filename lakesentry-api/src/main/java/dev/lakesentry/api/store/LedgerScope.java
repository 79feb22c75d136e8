package dev.lakesentry.api.store;

import dev.lakesentry.api.internal.Checks;
import dev.lakesentry.api.ledger.TeamMembership;
import dev.lakesentry.api.stage.Partition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one ledger build covers: the account, the partitions to recompute, the as-of time, the
 * correction horizon that decides provisional days, and the team memberships.
 *
 * @param accountId         the account
 * @param partitions        the partitions to recompute
 * @param asOf              the as-of time (by default the latest ingestion date in raw)
 * @param correctionHorizon how long after its latest ingestion date a usage day stays provisional
 * @param memberships       principal or pattern to team, first match wins
 * @since 0.1.0
 */
public record LedgerScope(String accountId, List<Partition> partitions, Instant asOf, Duration correctionHorizon,
                          List<TeamMembership> memberships) {
    public LedgerScope {
        Checks.notBlank(accountId, "LedgerScope", "accountId");
        partitions = Checks.list(partitions, "LedgerScope", "partitions");
        Checks.notNull(asOf, "LedgerScope", "asOf");
        Checks.notNull(correctionHorizon, "LedgerScope", "correctionHorizon");
        if (correctionHorizon.isNegative()) {
            throw new IllegalArgumentException("LedgerScope.correctionHorizon must not be negative, was " + correctionHorizon);
        }
        memberships = Checks.list(memberships, "LedgerScope", "memberships");
    }
}
