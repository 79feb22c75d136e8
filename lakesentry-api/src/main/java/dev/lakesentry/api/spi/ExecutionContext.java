package dev.lakesentry.api.spi;

import dev.lakesentry.api.plan.ExecutionMode;

/**
 * What an executor gets for one attempt: the mode and the connection to the plan's workspace.
 *
 * @since 0.1.0
 */
public interface ExecutionContext {

    /** The account. */
    String accountId();

    /** Dry run (compute the exact changes against live state, change nothing) or apply. */
    ExecutionMode mode();

    /** The connection to a workspace. */
    WorkspaceConnection connection(String workspaceId);
}
