package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;

/**
 * A workspace of the account, from {@code system.access.workspaces_latest}.
 *
 * @param accountId   the account
 * @param workspaceId the workspace id
 * @param name        its name, or {@code null}
 * @param url         its URL, or {@code null}
 * @param status      its status ({@code RUNNING}, …), or {@code null}
 * @param createTime  when it was created, or {@code null}
 * @since 0.1.0
 */
public record Workspace(String accountId, String workspaceId, String name, String url, String status,
                        Instant createTime) {
    public Workspace {
        Checks.notBlank(accountId, "Workspace", "accountId");
        Checks.notBlank(workspaceId, "Workspace", "workspaceId");
    }
}
