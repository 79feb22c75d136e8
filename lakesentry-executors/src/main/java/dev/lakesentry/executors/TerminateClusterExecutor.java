package dev.lakesentry.executors;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.compute.ClusterDetails;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Terminates a cluster ({@code state RUNNING -> TERMINATED}) through {@code POST /api/2.1/clusters/delete};
 * rolls back by starting it again ({@code POST /api/2.1/clusters/start}). Refuses when the cluster is
 * not RUNNING, or when it was started or restarted after the plan was made (it became active again).
 */
public final class TerminateClusterExecutor extends DatabricksExecutor {
    /** The executor's id. */
    public static final String ID = "lakesentry.terminate-cluster";

    /** An executor with these settings. */
    public TerminateClusterExecutor(ExecutorSettings settings) {
        super(ID, ActionType.TERMINATE_CLUSTER, TargetKind.CLUSTER, Set.of("state"), settings);
    }

    @Override
    LiveState read(WorkspaceClient client, Target target) {
        ClusterDetails c = ClusterFields.get(sdk, client, target);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("state", c.getState() == null ? null : c.getState().name());
        Long active = max(c.getStartTime(), c.getLastRestartedTime());
        return new LiveState(values, c.getCustomTags(), active == null ? null : Instant.ofEpochMilli(active));
    }

    @Override
    String staleness(ActionPlan plan, LiveState live) {
        if (live.activeSince() != null && live.activeSince().isAfter(plan.createdAt())) {
            return "it was started or restarted at " + live.activeSince() + ", after the plan was made (as of "
                    + plan.createdAt() + ")";
        }
        return null;
    }

    @Override
    void write(WorkspaceClient client, Target target, Map<String, String> values, LiveState live) {
        String state = values.get("state");
        String id = target.resourceId();
        if ("TERMINATED".equals(state)) {
            sdk.run("clusters/delete " + id, () -> client.clusters().delete(id));
        } else if ("RUNNING".equals(state)) {
            sdk.run("clusters/start " + id, () -> client.clusters().start(id));
        } else {
            throw new IllegalArgumentException("Cluster state can be set to TERMINATED or RUNNING, not " + state);
        }
    }

    private static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
