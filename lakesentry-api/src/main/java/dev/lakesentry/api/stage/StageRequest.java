package dev.lakesentry.api.stage;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * What a stage run is asked to do: which account, which partitions, as of which time.
 *
 * @param accountId  the account
 * @param mode       incremental or rebuild
 * @param partitions the partitions to recompute (ignored by a rebuild, which takes all)
 * @param asOf       the as-of time for time-relative logic; never the wall clock, by default the
 *                   data's own latest time
 * @since 0.1.0
 */
public record StageRequest(String accountId, RunMode mode, List<Partition> partitions, Instant asOf) {
    public StageRequest {
        Checks.notBlank(accountId, "StageRequest", "accountId");
        Checks.notNull(mode, "StageRequest", "mode");
        partitions = Checks.list(partitions, "StageRequest", "partitions");
        for (Partition p : partitions) {
            if (!p.accountId().equals(accountId)) {
                throw new IllegalArgumentException("StageRequest for account '" + accountId
                        + "' holds a partition of account '" + p.accountId() + "'");
            }
        }
        Checks.notNull(asOf, "StageRequest", "asOf");
    }
}
