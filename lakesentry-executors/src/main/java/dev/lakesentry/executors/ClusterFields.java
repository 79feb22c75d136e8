package dev.lakesentry.executors;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.compute.ClusterDetails;
import com.databricks.sdk.service.compute.UpdateCluster;
import com.databricks.sdk.service.compute.UpdateClusterResource;
import dev.lakesentry.api.plan.Target;

/** Reading a cluster and a partial update with {@code update_mask}, shared by the cluster executors. */
final class ClusterFields {
    private ClusterFields() {
    }

    static ClusterDetails get(SdkCalls sdk, WorkspaceClient client, Target target) {
        String id = target.resourceId();
        return sdk.call("clusters/get " + id, () -> client.clusters().get(id));
    }

    /** {@code POST /api/2.1/clusters/update}: only the masked fields change (a running cluster restarts). */
    static void update(SdkCalls sdk, WorkspaceClient client, Target target, String mask, UpdateClusterResource cluster) {
        String id = target.resourceId();
        sdk.run("clusters/update " + id + " (" + mask + ")", () -> client.clusters().update(new UpdateCluster()
                .setClusterId(id).setUpdateMask(mask).setCluster(cluster)));
    }
}
