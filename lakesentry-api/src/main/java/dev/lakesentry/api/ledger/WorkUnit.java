package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;
import java.util.Map;

/**
 * A unit of work costs are grouped under: a job, pipeline, SQL warehouse, serving endpoint or
 * interactive cluster, in its latest known state.
 *
 * @param accountId the account
 * @param ref       type, workspace and id
 * @param name      its name, or {@code null}
 * @param owner     the owner, creator or run-as principal, or {@code null}
 * @param tags      its tags
 * @param firstSeen the earliest time it appears in raw data
 * @param deletedAt when it was deleted, or {@code null}
 * @since 0.1.0
 */
public record WorkUnit(String accountId, WorkUnitRef ref, String name, String owner, Map<String, String> tags,
                       Instant firstSeen, Instant deletedAt) {
    public WorkUnit {
        Checks.notBlank(accountId, "WorkUnit", "accountId");
        Checks.notNull(ref, "WorkUnit", "ref");
        tags = Checks.stringMap(tags, "WorkUnit", "tags");
    }
}
