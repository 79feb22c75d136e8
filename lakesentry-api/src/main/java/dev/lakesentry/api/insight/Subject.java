package dev.lakesentry.api.insight;

import dev.lakesentry.api.internal.Checks;

/**
 * The thing an insight is about: its kind, its id and, where ids are per workspace, the workspace.
 *
 * @param kind        the kind
 * @param id          the id (cluster id, team name, SKU, work unit key, …)
 * @param workspaceId the workspace, or {@code null} for account-wide subjects
 * @since 0.1.0
 */
public record Subject(SubjectKind kind, String id, String workspaceId) {
    public Subject {
        Checks.notNull(kind, "Subject", "kind");
        Checks.notBlank(id, "Subject", "id");
    }

    /** A stable text key, {@code KIND:workspace:id} (workspace empty when absent). */
    public String key() {
        return kind + ":" + (workspaceId == null ? "" : workspaceId) + ":" + id;
    }
}
