package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;

/**
 * Identifies a work unit: its type, workspace and the Databricks id (job id, pipeline id,
 * warehouse id, endpoint id or cluster id). Job ids are unique per workspace only.
 *
 * @since 0.1.0
 */
public record WorkUnitRef(WorkUnitType type, String workspaceId, String externalId) {
    public WorkUnitRef {
        Checks.notNull(type, "WorkUnitRef", "type");
        Checks.notBlank(workspaceId, "WorkUnitRef", "workspaceId");
        Checks.notBlank(externalId, "WorkUnitRef", "externalId");
    }

    /** A stable text key, {@code TYPE:workspace:id}, used as a subject and in evidence. */
    public String key() {
        return type + ":" + workspaceId + ":" + externalId;
    }
}
