package dev.lakesentry.executors;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an executor read from the API: the plan's fields in the API's text form ({@code null} for not
 * set), the resource's tags and, where the API reports one, when it last became active.
 */
record LiveState(Map<String, String> values, Map<String, String> tags, Instant activeSince) {
    LiveState {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    String value(String field) {
        return values.get(field);
    }
}
