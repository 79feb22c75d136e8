package dev.lakesentry.executors;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.compute.ClusterDetails;
import com.databricks.sdk.service.compute.UpdateClusterResource;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import java.util.Map;
import java.util.Set;

/**
 * Sets a cluster's {@code autotermination_minutes} through {@code POST /api/2.1/clusters/update} with
 * {@code update_mask=autotermination_minutes} (an unset value reads as {@code 0}, disabled); rolls back
 * by setting the recorded value again.
 */
public final class ClusterAutoTerminationExecutor extends DatabricksExecutor {
    /** The executor's id. */
    public static final String ID = "lakesentry.set-cluster-auto-termination";
    static final String FIELD = "autotermination_minutes";

    /** An executor with these settings. */
    public ClusterAutoTerminationExecutor(ExecutorSettings settings) {
        super(ID, ActionType.SET_CLUSTER_AUTO_TERMINATION, TargetKind.CLUSTER, Set.of(FIELD), settings);
    }

    @Override
    LiveState read(WorkspaceClient client, Target target) {
        ClusterDetails c = ClusterFields.get(sdk, client, target);
        Long minutes = c.getAutoterminationMinutes();
        return new LiveState(Map.of(FIELD, minutes == null ? "0" : minutes.toString()), c.getCustomTags(), null);
    }

    @Override
    void write(WorkspaceClient client, Target target, Map<String, String> values, LiveState live) {
        Long minutes = number(FIELD, values.get(FIELD));
        ClusterFields.update(sdk, client, target, FIELD,
                new UpdateClusterResource().setAutoterminationMinutes(minutes == null ? 0L : minutes));
    }
}
