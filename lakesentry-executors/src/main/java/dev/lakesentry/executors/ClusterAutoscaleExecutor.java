package dev.lakesentry.executors;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.compute.AutoScale;
import com.databricks.sdk.service.compute.ClusterDetails;
import com.databricks.sdk.service.compute.UpdateClusterResource;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sets a cluster's size: {@code autoscale.min_workers} / {@code autoscale.max_workers} of an autoscaling
 * cluster ({@code update_mask=autoscale}, the other bound kept from live state) or {@code num_workers} of
 * a fixed-size one ({@code update_mask=num_workers}), through {@code POST /api/2.1/clusters/update}. A
 * cluster that switched between fixed size and autoscaling reads as stale; rolls back by setting the
 * recorded values again.
 */
public final class ClusterAutoscaleExecutor extends DatabricksExecutor {
    /** The executor's id. */
    public static final String ID = "lakesentry.set-cluster-autoscale";
    static final String MIN = "autoscale.min_workers";
    static final String MAX = "autoscale.max_workers";
    static final String FIXED = "num_workers";

    /** An executor with these settings. */
    public ClusterAutoscaleExecutor(ExecutorSettings settings) {
        super(ID, ActionType.SET_CLUSTER_AUTOSCALE, TargetKind.CLUSTER, Set.of(MIN, MAX, FIXED), settings);
    }

    @Override
    LiveState read(WorkspaceClient client, Target target) {
        ClusterDetails c = ClusterFields.get(sdk, client, target);
        Map<String, String> values = new LinkedHashMap<>();
        AutoScale a = c.getAutoscale();
        values.put(MIN, a == null ? null : text(a.getMinWorkers()));
        values.put(MAX, a == null ? null : text(a.getMaxWorkers()));
        values.put(FIXED, a != null ? null : text(c.getNumWorkers() == null ? 0L : c.getNumWorkers()));
        return new LiveState(values, c.getCustomTags(), null);
    }

    @Override
    void write(WorkspaceClient client, Target target, Map<String, String> values, LiveState live) {
        if (values.containsKey(FIXED) && (values.containsKey(MIN) || values.containsKey(MAX))) {
            throw new IllegalArgumentException("A plan sets either num_workers or the autoscale bounds, not both");
        }
        if (values.containsKey(FIXED)) {
            ClusterFields.update(sdk, client, target, FIXED,
                    new UpdateClusterResource().setNumWorkers(number(FIXED, values.get(FIXED))));
            return;
        }
        Long min = number(MIN, values.containsKey(MIN) ? values.get(MIN) : live.value(MIN));
        Long max = number(MAX, values.containsKey(MAX) ? values.get(MAX) : live.value(MAX));
        ClusterFields.update(sdk, client, target, "autoscale",
                new UpdateClusterResource().setAutoscale(new AutoScale().setMinWorkers(min).setMaxWorkers(max)));
    }
}
