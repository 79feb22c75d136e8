package dev.lakesentry.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQL warehouses API 2.0: list, get, edit, start, stop. Edit changes the fields the request carries and keeps the
 * others; state changes are immediate.
 */
final class WarehouseService {

    private static final Set<String> EDITABLE = Set.of("name", "cluster_size", "auto_stop_mins", "min_num_clusters",
            "max_num_clusters", "enable_photon", "enable_serverless_compute", "warehouse_type", "spot_instance_policy",
            "channel", "tags", "creator_name", "instance_profile_arn");
    private static final Set<String> SIZES = Set.of("2X-Small", "X-Small", "Small", "Medium", "Large", "X-Large",
            "2X-Large", "3X-Large", "4X-Large", "5X-Large");
    private static final Set<String> STATES = Set.of("STARTING", "RUNNING", "STOPPING", "STOPPED", "DELETING",
            "DELETED");

    private final Map<String, ObjectNode> warehouses = new LinkedHashMap<>();
    private final ObjectMapper json;
    private int created;

    WarehouseService(ObjectMapper json) {
        this.json = json;
    }

    synchronized String add(Map<String, ?> spec) {
        ObjectNode warehouse = json.valueToTree(spec);
        if (!warehouse.hasNonNull("id")) {
            created++;
            warehouse.put("id", String.format(Locale.ROOT, "e0000000%08x", created));
        }
        String id = warehouse.get("id").asText();
        if (warehouses.containsKey(id)) {
            throw new IllegalArgumentException("Warehouse " + id + " was already added");
        }
        putIfAbsent(warehouse, "name", "warehouse-" + id);
        putIfAbsent(warehouse, "state", "RUNNING");
        putIfAbsent(warehouse, "cluster_size", "Small");
        putIfAbsent(warehouse, "warehouse_type", "PRO");
        putIfAbsent(warehouse, "spot_instance_policy", "COST_OPTIMIZED");
        if (!warehouse.has("auto_stop_mins")) {
            warehouse.put("auto_stop_mins", 120);
        }
        if (!warehouse.has("min_num_clusters")) {
            warehouse.put("min_num_clusters", 1);
        }
        if (!warehouse.has("max_num_clusters")) {
            warehouse.put("max_num_clusters", warehouse.get("min_num_clusters").asLong());
        }
        if (!warehouse.has("enable_serverless_compute")) {
            warehouse.put("enable_serverless_compute", false);
        }
        if (!warehouse.has("enable_photon")) {
            warehouse.put("enable_photon", true);
        }
        if (!warehouse.has("health")) {
            warehouse.putObject("health").put("status", "HEALTHY");
        }
        String state = warehouse.get("state").asText();
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("Warehouse state must be one of " + STATES + ", was " + state);
        }
        if (!warehouse.has("num_clusters")) {
            warehouse.put("num_clusters", state.equals("RUNNING") ? warehouse.get("min_num_clusters").asLong() : 0);
        }
        warehouses.put(id, warehouse);
        return id;
    }

    synchronized ObjectNode snapshot(String id) {
        ObjectNode warehouse = warehouses.get(id);
        return warehouse == null ? null : warehouse.deepCopy();
    }

    synchronized List<ObjectNode> snapshots() {
        return warehouses.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** A statement submitted to a warehouse starts it, as Databricks does; unknown ids are refused once any exist. */
    synchronized void use(String id) {
        if (warehouses.isEmpty()) {
            return;
        }
        ObjectNode warehouse = warehouses.get(id);
        if (warehouse == null) {
            throw ApiException.invalidParameter("Warehouse " + id + " does not exist");
        }
        if (!warehouse.path("state").asText().equals("RUNNING")) {
            run(warehouse);
        }
    }

    synchronized ObjectNode list(ApiRequest request) {
        Paging.Page<ObjectNode> page = Paging.page(List.copyOf(warehouses.values()), request.param("page_token"),
                Paging.pageSize(request.param("page_size"), 100, 1000));
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("warehouses");
        page.items().forEach(w -> items.add(w.deepCopy()));
        if (page.nextToken() != null) {
            out.put("next_page_token", page.nextToken());
        }
        return out;
    }

    synchronized ObjectNode get(String id) {
        return find(id).deepCopy();
    }

    synchronized ObjectNode edit(String id, ApiRequest request) {
        ObjectNode warehouse = find(id);
        ObjectNode body = request.jsonBody();
        ObjectNode updated = warehouse.deepCopy();
        body.fields().forEachRemaining(e -> {
            if (EDITABLE.contains(e.getKey())) {
                updated.set(e.getKey(), e.getValue());
            }
        });
        validate(updated);
        if (updated.path("state").asText().equals("RUNNING")) {
            long clusters = updated.path("num_clusters").asLong();
            long min = updated.path("min_num_clusters").asLong();
            long max = updated.path("max_num_clusters").asLong();
            updated.put("num_clusters", Math.max(min, Math.min(max, clusters)));
        }
        warehouse.removeAll();
        warehouse.setAll(updated);
        return json.createObjectNode();
    }

    synchronized ObjectNode start(String id) {
        run(find(id));
        return json.createObjectNode();
    }

    synchronized ObjectNode stop(String id) {
        ObjectNode warehouse = find(id);
        warehouse.put("state", "STOPPED");
        warehouse.put("num_clusters", 0);
        return json.createObjectNode();
    }

    private static void run(ObjectNode warehouse) {
        warehouse.put("state", "RUNNING");
        warehouse.put("num_clusters", warehouse.path("min_num_clusters").asLong(1));
    }

    private static void validate(ObjectNode warehouse) {
        long autoStop = warehouse.path("auto_stop_mins").asLong(-1);
        if (autoStop != 0 && autoStop < 10) {
            throw ApiException.invalidParameter("auto_stop_mins must be 0 or at least 10, was "
                    + warehouse.get("auto_stop_mins"));
        }
        String size = warehouse.path("cluster_size").asText();
        if (!SIZES.contains(size)) {
            throw ApiException.invalidParameter("cluster_size must be one of " + SIZES + ", was " + size);
        }
        long min = warehouse.path("min_num_clusters").asLong(-1);
        long max = warehouse.path("max_num_clusters").asLong(-1);
        if (max < 1 || max > 40) {
            throw ApiException.invalidParameter("max_num_clusters must be between 1 and 40, was " + max);
        }
        if (min < 1 || min > Math.min(max, 30)) {
            throw ApiException.invalidParameter("min_num_clusters must be between 1 and min(max_num_clusters, 30), "
                    + "was " + min + " with max_num_clusters " + max);
        }
        JsonNode type = warehouse.get("warehouse_type");
        if (type != null && !Set.of("CLASSIC", "PRO", "TYPE_UNSPECIFIED").contains(type.asText())) {
            throw ApiException.invalidParameter("warehouse_type must be CLASSIC, PRO or TYPE_UNSPECIFIED, was " + type);
        }
    }

    private ObjectNode find(String id) {
        ObjectNode warehouse = warehouses.get(id);
        if (warehouse == null) {
            throw ApiException.notFound("Unable to find warehouse with id " + id);
        }
        return warehouse;
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }
}
