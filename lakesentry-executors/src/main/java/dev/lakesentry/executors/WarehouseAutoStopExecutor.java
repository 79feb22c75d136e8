package dev.lakesentry.executors;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.EditWarehouseRequest;
import com.databricks.sdk.service.sql.EditWarehouseRequestWarehouseType;
import com.databricks.sdk.service.sql.EndpointTagPair;
import com.databricks.sdk.service.sql.GetWarehouseResponse;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sets a SQL warehouse's {@code auto_stop_mins} (and, when a plan asks, {@code min_num_clusters} /
 * {@code max_num_clusters}): {@code GET /api/2.0/sql/warehouses/{id}}, change the fields, and
 * {@code POST …/{id}/edit} with the full object, since whether edit resets omitted fields is not
 * documented. Rolls back by setting the recorded values again.
 */
public final class WarehouseAutoStopExecutor extends DatabricksExecutor {
    /** The executor's id. */
    public static final String ID = "lakesentry.set-warehouse-auto-stop";
    static final String AUTO_STOP = "auto_stop_mins";
    static final String MIN = "min_num_clusters";
    static final String MAX = "max_num_clusters";

    /** An executor with these settings. */
    public WarehouseAutoStopExecutor(ExecutorSettings settings) {
        super(ID, ActionType.SET_WAREHOUSE_AUTO_STOP, TargetKind.SQL_WAREHOUSE, Set.of(AUTO_STOP, MIN, MAX), settings);
    }

    private GetWarehouseResponse get(WorkspaceClient client, Target target) {
        String id = target.resourceId();
        return sdk.call("warehouses/get " + id, () -> client.warehouses().get(id));
    }

    @Override
    LiveState read(WorkspaceClient client, Target target) {
        GetWarehouseResponse w = get(client, target);
        Map<String, String> values = new LinkedHashMap<>();
        values.put(AUTO_STOP, text(w.getAutoStopMins()));
        values.put(MIN, text(w.getMinNumClusters()));
        values.put(MAX, text(w.getMaxNumClusters()));
        Map<String, String> tags = new LinkedHashMap<>();
        if (w.getTags() != null && w.getTags().getCustomTags() != null) {
            for (EndpointTagPair pair : w.getTags().getCustomTags()) {
                if (pair.getKey() != null) {
                    tags.put(pair.getKey(), pair.getValue() == null ? "" : pair.getValue());
                }
            }
        }
        return new LiveState(values, tags, null);
    }

    @Override
    void write(WorkspaceClient client, Target target, Map<String, String> values, LiveState live) {
        GetWarehouseResponse w = get(client, target);
        EditWarehouseRequest edit = new EditWarehouseRequest()
                .setId(w.getId() == null ? target.resourceId() : w.getId())
                .setName(w.getName())
                .setClusterSize(w.getClusterSize())
                .setAutoStopMins(w.getAutoStopMins())
                .setMinNumClusters(w.getMinNumClusters())
                .setMaxNumClusters(w.getMaxNumClusters())
                .setEnablePhoton(w.getEnablePhoton())
                .setEnableServerlessCompute(w.getEnableServerlessCompute())
                .setSpotInstancePolicy(w.getSpotInstancePolicy())
                .setChannel(w.getChannel())
                .setTags(w.getTags())
                .setCreatorName(w.getCreatorName())
                .setInstanceProfileArn(w.getInstanceProfileArn());
        if (w.getWarehouseType() != null) {
            edit.setWarehouseType(EditWarehouseRequestWarehouseType.valueOf(w.getWarehouseType().name()));
        }
        if (values.containsKey(AUTO_STOP)) {
            edit.setAutoStopMins(number(AUTO_STOP, values.get(AUTO_STOP)));
        }
        if (values.containsKey(MIN)) {
            edit.setMinNumClusters(number(MIN, values.get(MIN)));
        }
        if (values.containsKey(MAX)) {
            edit.setMaxNumClusters(number(MAX, values.get(MAX)));
        }
        sdk.run("warehouses/" + edit.getId() + "/edit", () -> client.warehouses().edit(edit));
    }
}
