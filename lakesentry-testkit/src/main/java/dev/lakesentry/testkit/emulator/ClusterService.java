package dev.lakesentry.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Clusters API 2.1: get, list, delete (terminate), edit, update, resize, start. State changes are immediate: a
 * terminated cluster reads back TERMINATED, a started one RUNNING.
 */
final class ClusterService {

    /** Fields of a cluster that describe its runtime, not its spec: kept by edit, never set from a request. */
    private static final Set<String> RUNTIME_FIELDS = Set.of("cluster_id", "state", "state_message", "start_time",
            "terminated_time", "last_state_loss_time", "last_activity_time", "last_restarted_time",
            "termination_reason", "cluster_source", "creator_user_name", "default_tags", "driver", "executors",
            "spark_context_id", "jdbc_port", "cluster_memory_mb", "cluster_cores", "cluster_log_status", "spec");
    private static final Set<String> STATES = Set.of("PENDING", "RUNNING", "RESTARTING", "RESIZING", "TERMINATING",
            "TERMINATED", "ERROR", "UNKNOWN");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("MMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Map<String, ObjectNode> clusters = new LinkedHashMap<>();
    private final Clock clock;
    private final ObjectMapper json;
    private int created;

    ClusterService(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    synchronized String add(Map<String, ?> spec) {
        ObjectNode cluster = json.valueToTree(spec);
        if (!cluster.hasNonNull("cluster_id")) {
            created++;
            cluster.put("cluster_id", ID_TIME.format(clock.instant()) + String.format(Locale.ROOT, "-emu%05d", created));
        }
        String id = cluster.get("cluster_id").asText();
        if (clusters.containsKey(id)) {
            throw new IllegalArgumentException("Cluster " + id + " was already added");
        }
        putIfAbsent(cluster, "cluster_name", id);
        putIfAbsent(cluster, "spark_version", "15.4.x-scala2.12");
        putIfAbsent(cluster, "node_type_id", "i3.xlarge");
        putIfAbsent(cluster, "driver_node_type_id", cluster.get("node_type_id").asText());
        putIfAbsent(cluster, "state", "RUNNING");
        putIfAbsent(cluster, "state_message", "");
        putIfAbsent(cluster, "cluster_source", "UI");
        if (!cluster.has("autotermination_minutes")) {
            cluster.put("autotermination_minutes", 120);
        }
        if (!cluster.has("autoscale") && !cluster.has("num_workers")) {
            cluster.put("num_workers", 0);
        }
        if (!cluster.has("start_time")) {
            cluster.put("start_time", clock.millis());
        }
        String state = cluster.get("state").asText();
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("Cluster state must be one of " + STATES + ", was " + state);
        }
        clusters.put(id, cluster);
        return id;
    }

    synchronized ObjectNode snapshot(String id) {
        ObjectNode cluster = clusters.get(id);
        return cluster == null ? null : cluster.deepCopy();
    }

    synchronized List<ObjectNode> snapshots() {
        return clusters.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized ObjectNode get(ApiRequest request) {
        return find(request.requiredParam("cluster_id")).deepCopy();
    }

    synchronized ObjectNode list(ApiRequest request) {
        List<String> states = request.params("filter_by.cluster_states");
        List<String> sources = request.params("filter_by.cluster_sources");
        String policyId = request.param("filter_by.policy_id");
        String pinned = request.param("filter_by.is_pinned");
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode cluster : clusters.values()) {
            if (!states.isEmpty() && !states.contains(cluster.path("state").asText())) {
                continue;
            }
            if (!sources.isEmpty() && !sources.contains(cluster.path("cluster_source").asText())) {
                continue;
            }
            if (policyId != null && !policyId.equals(cluster.path("policy_id").asText(null))) {
                continue;
            }
            if (pinned != null && Boolean.parseBoolean(pinned) != cluster.path("is_pinned").asBoolean(false)) {
                continue;
            }
            matching.add(cluster);
        }
        Paging.Page<ObjectNode> page = Paging.page(matching, request.param("page_token"),
                Paging.pageSize(request.param("page_size"), 100, 100));
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("clusters");
        page.items().forEach(c -> items.add(c.deepCopy()));
        if (page.nextToken() != null) {
            out.put("next_page_token", page.nextToken());
        }
        if (page.previousToken() != null) {
            out.put("prev_page_token", page.previousToken());
        }
        return out;
    }

    synchronized ObjectNode delete(ApiRequest request) {
        ObjectNode cluster = find(requiredId(request.jsonBody()));
        if (!cluster.path("state").asText().equals("TERMINATED")) {
            cluster.put("state", "TERMINATED");
            cluster.put("state_message", "Terminated by user");
            cluster.put("terminated_time", clock.millis());
            ObjectNode reason = cluster.putObject("termination_reason");
            reason.put("code", "USER_REQUEST");
            reason.put("type", "SUCCESS");
        }
        return json.createObjectNode();
    }

    synchronized ObjectNode start(ApiRequest request) {
        ObjectNode cluster = find(requiredId(request.jsonBody()));
        String state = cluster.path("state").asText();
        if (!state.equals("TERMINATED")) {
            throw ApiException.invalidState("Cluster " + cluster.get("cluster_id").asText()
                    + " is in unexpected state " + state + ".");
        }
        cluster.put("state", "RUNNING");
        cluster.put("state_message", "");
        cluster.put("last_restarted_time", clock.millis());
        cluster.remove("terminated_time");
        cluster.remove("termination_reason");
        return json.createObjectNode();
    }

    synchronized ObjectNode edit(ApiRequest request) {
        ObjectNode body = request.jsonBody();
        ObjectNode cluster = find(requiredId(body));
        checkEditable(cluster, "edited");
        if (!body.hasNonNull("spark_version")) {
            throw ApiException.invalidParameter("Missing required field: spark_version");
        }
        ObjectNode spec = body.deepCopy();
        RUNTIME_FIELDS.forEach(spec::remove);
        checkSize(spec);
        ObjectNode updated = json.createObjectNode();
        for (String field : RUNTIME_FIELDS) {
            if (cluster.has(field)) {
                updated.set(field, cluster.get(field));
            }
        }
        updated.setAll(spec);
        restartIfRunning(updated);
        cluster.removeAll();
        cluster.setAll(updated);
        return json.createObjectNode();
    }

    synchronized ObjectNode update(ApiRequest request) {
        ObjectNode body = request.jsonBody();
        ObjectNode cluster = find(requiredId(body));
        String mask = body.path("update_mask").asText("");
        if (mask.isBlank()) {
            throw ApiException.invalidParameter("Missing required field: update_mask");
        }
        checkEditable(cluster, "updated");
        JsonNode changes = body.path("cluster");
        ObjectNode updated = cluster.deepCopy();
        for (String path : mask.split(",")) {
            String field = path.trim();
            if (RUNTIME_FIELDS.contains(field.split("\\.")[0])) {
                throw ApiException.invalidParameter("Field " + field + " cannot be updated");
            }
            applyMasked(updated, changes, field);
            if (field.equals("autoscale") && updated.has("autoscale")) {
                updated.remove("num_workers");
            } else if (field.equals("num_workers") && updated.has("num_workers")) {
                updated.remove("autoscale");
            }
        }
        checkSize(updated);
        restartIfRunning(updated);
        cluster.removeAll();
        cluster.setAll(updated);
        return json.createObjectNode();
    }

    synchronized ObjectNode resize(ApiRequest request) {
        ObjectNode body = request.jsonBody();
        ObjectNode cluster = find(requiredId(body));
        String state = cluster.path("state").asText();
        if (!state.equals("RUNNING")) {
            throw ApiException.invalidState("Cluster " + cluster.get("cluster_id").asText()
                    + " is in unexpected state " + state + "; only a RUNNING cluster can be resized.");
        }
        if (body.has("autoscale") == body.has("num_workers")) {
            throw ApiException.invalidParameter("Exactly one of num_workers or autoscale must be set");
        }
        ObjectNode updated = cluster.deepCopy();
        if (body.has("autoscale")) {
            updated.set("autoscale", body.get("autoscale"));
            updated.remove("num_workers");
        } else {
            updated.set("num_workers", body.get("num_workers"));
            updated.remove("autoscale");
        }
        checkSize(updated);
        cluster.removeAll();
        cluster.setAll(updated);
        return json.createObjectNode();
    }

    private void applyMasked(ObjectNode target, JsonNode changes, String path) {
        String[] parts = path.split("\\.");
        ObjectNode parent = target;
        JsonNode source = changes;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.get(parts[i]);
            if (!(next instanceof ObjectNode)) {
                next = parent.putObject(parts[i]);
            }
            parent = (ObjectNode) next;
            source = source.path(parts[i]);
        }
        String leaf = parts[parts.length - 1];
        JsonNode value = source.get(leaf);
        if (value == null || value.isNull()) {
            parent.remove(leaf);
        } else {
            parent.set(leaf, value.deepCopy());
        }
    }

    private static void checkEditable(ObjectNode cluster, String verb) {
        String id = cluster.get("cluster_id").asText();
        if (cluster.path("cluster_source").asText().equals("JOB")) {
            throw ApiException.invalidParameter("Cluster " + id + " is a job cluster and cannot be " + verb + ".");
        }
        String state = cluster.path("state").asText();
        if (!state.equals("RUNNING") && !state.equals("TERMINATED")) {
            throw ApiException.invalidState("Cluster " + id + " is in unexpected state " + state
                    + "; it can be " + verb + " only when RUNNING or TERMINATED.");
        }
    }

    private static void checkSize(ObjectNode spec) {
        if (spec.has("autoscale") && spec.has("num_workers")) {
            throw ApiException.invalidParameter("Only one of num_workers or autoscale may be set");
        }
        if (spec.has("autoscale")) {
            JsonNode autoscale = spec.get("autoscale");
            long min = autoscale.path("min_workers").asLong(-1);
            long max = autoscale.path("max_workers").asLong(-1);
            if (min < 0 || max < 1 || min > max) {
                throw ApiException.invalidParameter("autoscale needs 0 <= min_workers <= max_workers and "
                        + "max_workers >= 1, was min_workers " + min + " and max_workers " + max);
            }
        }
        if (spec.has("num_workers") && spec.get("num_workers").asLong(-1) < 0) {
            throw ApiException.invalidParameter("num_workers must not be negative, was " + spec.get("num_workers"));
        }
        if (spec.has("autotermination_minutes")) {
            long minutes = spec.get("autotermination_minutes").asLong(-1);
            if (minutes != 0 && (minutes < 10 || minutes > 10000)) {
                throw ApiException.invalidParameter("autotermination_minutes must be 0 or between 10 and 10000, was "
                        + minutes);
            }
        }
    }

    private void restartIfRunning(ObjectNode cluster) {
        if (cluster.path("state").asText().equals("RUNNING")) {
            cluster.put("last_restarted_time", clock.millis());
        }
    }

    private ObjectNode find(String id) {
        ObjectNode cluster = clusters.get(id);
        if (cluster == null) {
            throw ApiException.invalidParameter("Cluster " + id + " does not exist");
        }
        return cluster;
    }

    private static String requiredId(ObjectNode body) {
        JsonNode id = body.get("cluster_id");
        if (id == null || id.isNull() || id.asText().isBlank()) {
            throw ApiException.invalidParameter("Missing required field: cluster_id");
        }
        return id.asText();
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }
}
