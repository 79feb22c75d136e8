package dev.lakesentry.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** One parsed HTTP request as a route handler sees it. */
record ApiRequest(String method, String path, Map<String, List<String>> query, String body, Matcher pathMatch,
                  ObjectMapper json) {

    /** The first value of a query parameter, or null. */
    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a query parameter, comma-separated values split. */
    List<String> params(String name) {
        List<String> values = query.getOrDefault(name, List.of());
        return values.stream().flatMap(v -> List.of(v.split(",")).stream()).map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
    }

    /** A required query parameter. */
    String requiredParam(String name) {
        String value = param(name);
        if (value == null || value.isBlank()) {
            throw ApiException.invalidParameter("Missing required field: " + name);
        }
        return value;
    }

    /** The JSON body as an object ({@code {}} when empty). */
    ObjectNode jsonBody() {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw new ApiException(400, "MALFORMED_REQUEST", "Could not parse request body as JSON: " + e.getMessage());
        }
        throw new ApiException(400, "MALFORMED_REQUEST", "The request body must be a JSON object");
    }

    /** A path group of the route's pattern. */
    String pathGroup(int group) {
        return pathMatch.group(group);
    }
}
