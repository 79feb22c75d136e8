package dev.lakesentry.api.spi;

import dev.lakesentry.api.internal.Checks;
import dev.lakesentry.api.push.BearerToken;
import java.net.URI;

/**
 * How an executor reaches one workspace's REST API: its host and a token. The token prints masked.
 *
 * @since 0.1.0
 */
public record WorkspaceConnection(String workspaceId, URI host, BearerToken token) {
    public WorkspaceConnection {
        Checks.notBlank(workspaceId, "WorkspaceConnection", "workspaceId");
        Checks.notNull(host, "WorkspaceConnection", "host");
        Checks.notNull(token, "WorkspaceConnection", "token");
    }
}
