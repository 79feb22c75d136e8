package dev.lakesentry.testkit.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP call the emulator answered, as the call log keeps it.
 *
 * @param time   when the emulator finished answering, on its clock
 * @param method the HTTP method, e.g. {@code POST}
 * @param path   the request path without the query, e.g. {@code /api/2.1/clusters/delete}
 * @param query  the decoded query parameters (a name may repeat)
 * @param body   the request body as text, empty when there was none
 * @param status the HTTP status the emulator answered (including injected faults and 401s)
 * @since 0.1.0
 */
public record RecordedCall(Instant time, String method, String path, Map<String, List<String>> query, String body,
                           int status) {

    public RecordedCall {
        query = Map.copyOf(query);
        body = body == null ? "" : body;
    }

    /**
     * Whether the call asks Databricks to change something: any method other than GET, except the SQL statement
     * endpoints (executing or cancelling a query reads system tables and changes no resource).
     */
    public boolean isMutating() {
        return !method.equals("GET") && !method.equals("HEAD") && !path.startsWith("/api/2.0/sql/statements");
    }

    /** Whether the call matches a method (or {@code *}) and a path pattern as {@link FaultInjector} reads them. */
    public boolean matches(String method, String pathPattern) {
        return PathPattern.methodMatches(method, this.method) && PathPattern.compile(pathPattern).matcher(path).matches();
    }
}
