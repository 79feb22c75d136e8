package dev.lakesentry.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Jobs API 2.2: get, list, update, reset. Update replaces top-level settings wholesale (tasks and job clusters
 * are merged by key), removes {@code fields_to_remove} (top-level names, or {@code tasks/<task_key>} and
 * {@code job_clusters/<job_cluster_key>}); a schedule or trigger must stay complete, as the real API checks.
 */
final class JobService {

    private static final Set<String> PAUSE_STATUSES = Set.of("PAUSED", "UNPAUSED");

    private final Map<Long, ObjectNode> jobs = new LinkedHashMap<>();
    private final Clock clock;
    private final ObjectMapper json;
    private long nextId = 1_000_001L;

    JobService(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    synchronized long add(Map<String, ?> spec) {
        ObjectNode given = json.valueToTree(spec);
        ObjectNode job = json.createObjectNode();
        long id = given.hasNonNull("job_id") ? given.get("job_id").asLong() : nextId++;
        if (jobs.containsKey(id)) {
            throw new IllegalArgumentException("Job " + id + " was already added");
        }
        job.put("job_id", id);
        job.put("creator_user_name", given.path("creator_user_name").asText("emulator@example.com"));
        if (given.has("run_as_user_name")) {
            job.set("run_as_user_name", given.get("run_as_user_name"));
        }
        job.put("created_time", given.path("created_time").asLong(clock.millis()));
        ObjectNode settings = given.get("settings") instanceof ObjectNode s ? s.deepCopy() : json.createObjectNode();
        if (!settings.has("name")) {
            settings.put("name", "job-" + id);
        }
        try {
            validate(id, settings);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        job.set("settings", settings);
        jobs.put(id, job);
        return id;
    }

    synchronized ObjectNode snapshot(long id) {
        ObjectNode job = jobs.get(id);
        return job == null ? null : job.deepCopy();
    }

    synchronized ObjectNode get(ApiRequest request) {
        return find(parseId(request.requiredParam("job_id"))).deepCopy();
    }

    synchronized ObjectNode list(ApiRequest request) {
        String name = request.param("name");
        boolean expand = Boolean.parseBoolean(request.param("expand_tasks"));
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode job : jobs.values()) {
            if (name == null || name.equalsIgnoreCase(job.path("settings").path("name").asText())) {
                matching.add(job);
            }
        }
        Paging.Page<ObjectNode> page = Paging.page(matching, request.param("page_token"),
                Paging.pageSize(request.param("limit"), 20, 100));
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("jobs");
        for (ObjectNode job : page.items()) {
            ObjectNode copy = job.deepCopy();
            if (!expand) {
                ObjectNode settings = (ObjectNode) copy.get("settings");
                settings.remove("tasks");
                settings.remove("job_clusters");
            }
            items.add(copy);
        }
        out.put("has_more", page.nextToken() != null);
        if (page.nextToken() != null) {
            out.put("next_page_token", page.nextToken());
        }
        if (page.previousToken() != null) {
            out.put("prev_page_token", page.previousToken());
        }
        return out;
    }

    synchronized ObjectNode update(ApiRequest request) {
        ObjectNode body = request.jsonBody();
        long id = requiredId(body);
        ObjectNode job = find(id);
        ObjectNode settings = job.get("settings").deepCopy();
        JsonNode changes = body.path("new_settings");
        if (changes instanceof ObjectNode newSettings) {
            newSettings.fields().forEachRemaining(e -> {
                if (e.getKey().equals("tasks")) {
                    settings.set("tasks", mergeByKey(settings.get("tasks"), e.getValue(), "task_key"));
                } else if (e.getKey().equals("job_clusters")) {
                    settings.set("job_clusters", mergeByKey(settings.get("job_clusters"), e.getValue(),
                            "job_cluster_key"));
                } else {
                    settings.set(e.getKey(), e.getValue());
                }
            });
        }
        for (JsonNode field : body.path("fields_to_remove")) {
            remove(settings, field.asText());
        }
        validate(id, settings);
        job.set("settings", settings);
        return json.createObjectNode();
    }

    synchronized ObjectNode reset(ApiRequest request) {
        ObjectNode body = request.jsonBody();
        long id = requiredId(body);
        ObjectNode job = find(id);
        if (!(body.get("new_settings") instanceof ObjectNode newSettings)) {
            throw ApiException.invalidParameter("Missing required field: new_settings");
        }
        ObjectNode settings = newSettings.deepCopy();
        validate(id, settings);
        job.set("settings", settings);
        return json.createObjectNode();
    }

    private JsonNode mergeByKey(JsonNode existing, JsonNode changes, String key) {
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        if (existing != null) {
            existing.forEach(item -> merged.put(item.path(key).asText(), item));
        }
        for (JsonNode item : changes) {
            if (!item.hasNonNull(key)) {
                throw ApiException.invalidParameter("Every element of new_settings needs its " + key);
            }
            merged.put(item.get(key).asText(), item);
        }
        ArrayNode out = json.createArrayNode();
        merged.values().forEach(out::add);
        return out;
    }

    private static void remove(ObjectNode settings, String field) {
        int slash = field.indexOf('/');
        if (slash < 0) {
            settings.remove(field);
            return;
        }
        String list = field.substring(0, slash);
        String key = field.substring(slash + 1);
        String keyField = switch (list) {
            case "tasks" -> "task_key";
            case "job_clusters" -> "job_cluster_key";
            default -> throw ApiException.invalidParameter("Cannot remove " + field
                    + "; use a top-level field, tasks/<task_key> or job_clusters/<job_cluster_key>");
        };
        JsonNode items = settings.get(list);
        if (items instanceof ArrayNode array) {
            Iterator<JsonNode> it = array.elements();
            while (it.hasNext()) {
                if (it.next().path(keyField).asText().equals(key)) {
                    it.remove();
                }
            }
        }
    }

    private static void validate(long id, ObjectNode settings) {
        JsonNode schedule = settings.get("schedule");
        if (schedule != null && !schedule.isNull()) {
            if (!schedule.hasNonNull("quartz_cron_expression") || !schedule.hasNonNull("timezone_id")) {
                throw ApiException.invalidParameter("Job " + id + ": schedule needs quartz_cron_expression and "
                        + "timezone_id (settings are replaced wholesale; send the whole schedule)");
            }
            checkPause(id, schedule);
        }
        for (String trigger : List.of("trigger", "continuous")) {
            JsonNode node = settings.get(trigger);
            if (node != null && !node.isNull()) {
                checkPause(id, node);
            }
        }
        if (settings.has("max_concurrent_runs") && settings.get("max_concurrent_runs").asLong(-1) < 0) {
            throw ApiException.invalidParameter("Job " + id + ": max_concurrent_runs must not be negative");
        }
    }

    private static void checkPause(long id, JsonNode node) {
        JsonNode pause = node.get("pause_status");
        if (pause != null && !pause.isNull() && !PAUSE_STATUSES.contains(pause.asText().toUpperCase(Locale.ROOT))) {
            throw ApiException.invalidParameter("Job " + id + ": pause_status must be PAUSED or UNPAUSED, was "
                    + pause.asText());
        }
    }

    private ObjectNode find(long id) {
        ObjectNode job = jobs.get(id);
        if (job == null) {
            throw ApiException.invalidParameter("Job " + id + " does not exist.");
        }
        return job;
    }

    private static long requiredId(ObjectNode body) {
        JsonNode id = body.get("job_id");
        if (id == null || id.isNull()) {
            throw ApiException.invalidParameter("Missing required field: job_id");
        }
        return parseId(id.asText());
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("job_id must be a number, was " + text);
        }
    }
}
