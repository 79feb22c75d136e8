package dev.lakesentry.api.spi;

import dev.lakesentry.api.plan.ExecutionMode;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Whether tags an executor read from live state mark the resource as protected, and why. An
     * executor that finds a reason changes nothing. By default nothing is protected by tag.
     *
     * @param liveTags the resource's tags as the API reports them
     * @return the reason the resource is protected, or empty
     * @since 0.1.0
     */
    default Optional<String> protection(Map<String, String> liveTags) {
        return Optional.empty();
    }
}
