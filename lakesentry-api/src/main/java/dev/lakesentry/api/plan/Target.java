package dev.lakesentry.api.plan;

import dev.lakesentry.api.internal.Checks;

/**
 * The resource an action changes.
 *
 * @since 0.1.0
 */
public record Target(TargetKind kind, String workspaceId, String resourceId) {
    public Target {
        Checks.notNull(kind, "Target", "kind");
        Checks.notBlank(workspaceId, "Target", "workspaceId");
        Checks.notBlank(resourceId, "Target", "resourceId");
    }

    /** A stable text key, {@code KIND:workspace:id}. */
    public String key() {
        return kind + ":" + workspaceId + ":" + resourceId;
    }
}
