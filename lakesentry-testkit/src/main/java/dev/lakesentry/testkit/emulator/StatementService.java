package dev.lakesentry.testkit.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL Statement Execution API: execute, get, result chunks and cancel, over {@link SystemTablesDatabase}.
 *
 * <p>A statement runs on H2 when it is submitted; what the client sees follows a scripted lifecycle: the first
 * {@code pendingPolls} observations (the submit response counts as the first) answer PENDING, the next
 * {@code runningPolls} RUNNING, then SUCCEEDED (or FAILED). With {@code wait_timeout} {@code 0s} the submit answers
 * PENDING without using an observation; a statement still unfinished when the submit answers is CANCELED instead
 * when {@code on_wait_timeout} is CANCEL.
 */
final class StatementService {

    private static final Pattern WAIT_TIMEOUT = Pattern.compile("(\\d+)s");

    private final SystemTablesDatabase database;
    private final Clock clock;
    private final ObjectMapper json;
    private final EmulatorSettings settings;
    private final Consumer<String> warehouseUse;
    private final Map<String, Statement> statements = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    StatementService(SystemTablesDatabase database, Clock clock, ObjectMapper json, EmulatorSettings settings,
                     Consumer<String> warehouseUse) {
        this.database = database;
        this.clock = clock;
        this.json = json;
        this.settings = settings;
        this.warehouseUse = warehouseUse;
    }

    /** One submitted statement and its scripted lifecycle. */
    private static final class Statement {
        final String id;
        final QueryResult result;
        final String sqlState;
        final String errorMessage;
        final int rowsPerChunk;
        int pendingLeft;
        int runningLeft;
        String state;

        Statement(String id, QueryResult result, String sqlState, String errorMessage, int rowsPerChunk,
                  int pendingLeft, int runningLeft) {
            this.id = id;
            this.result = result;
            this.sqlState = sqlState;
            this.errorMessage = errorMessage;
            this.rowsPerChunk = rowsPerChunk;
            this.pendingLeft = pendingLeft;
            this.runningLeft = runningLeft;
            this.state = "PENDING";
        }

        boolean terminal() {
            return !state.equals("PENDING") && !state.equals("RUNNING");
        }

        /** Advances the lifecycle by one observation and answers the state seen. */
        synchronized String observe() {
            if (terminal()) {
                return state;
            }
            if (pendingLeft > 0) {
                pendingLeft--;
                state = "PENDING";
            } else if (runningLeft > 0) {
                runningLeft--;
                state = "RUNNING";
            } else {
                state = result != null ? "SUCCEEDED" : "FAILED";
            }
            return state;
        }

        int chunkCount() {
            return result == null || result.rows().isEmpty() ? 0
                    : (result.rows().size() + rowsPerChunk - 1) / rowsPerChunk;
        }
    }

    ObjectNode execute(ApiRequest request) {
        ObjectNode body = request.jsonBody();
        String sql = text(body, "statement");
        if (sql == null || sql.isBlank()) {
            throw ApiException.invalidParameter("Missing required field: statement");
        }
        String warehouseId = text(body, "warehouse_id");
        if (warehouseId == null || warehouseId.isBlank()) {
            throw ApiException.invalidParameter("Missing required field: warehouse_id");
        }
        String disposition = upper(text(body, "disposition"), "INLINE");
        String format = upper(text(body, "format"), "JSON_ARRAY");
        if (!disposition.equals("INLINE") || !format.equals("JSON_ARRAY")) {
            throw ApiException.invalidParameter("The Databricks emulator supports disposition INLINE with format "
                    + "JSON_ARRAY only, was disposition " + disposition + " with format " + format);
        }
        String waitTimeout = text(body, "wait_timeout");
        int waitSeconds = waitSeconds(waitTimeout == null ? "10s" : waitTimeout);
        String onWaitTimeout = upper(text(body, "on_wait_timeout"), "CONTINUE");
        if (!onWaitTimeout.equals("CONTINUE") && !onWaitTimeout.equals("CANCEL")) {
            throw ApiException.invalidParameter("on_wait_timeout must be CONTINUE or CANCEL, was " + onWaitTimeout);
        }
        long rowLimit = body.path("row_limit").asLong(0);
        Map<String, SqlParameter> parameters = parameters(body.path("parameters"));
        warehouseUse.accept(warehouseId);

        String id = nextId();
        QueryResult result = null;
        String sqlState = null;
        String error = null;
        try {
            result = database.query(sql, parameters, clock.instant(), rowLimit);
        } catch (SQLException e) {
            sqlState = databricksSqlState(e);
            error = databricksMessage(e);
        } catch (DatabricksSql.UnboundParameterException e) {
            sqlState = "42P02";
            error = e.getMessage();
        } catch (IllegalArgumentException e) {
            sqlState = "0A000";
            error = e.getMessage();
        }
        Statement statement = new Statement(id, result, sqlState, error, settings.rowsPerChunk(),
                settings.pendingPolls(), settings.runningPolls());
        statements.put(id, statement);
        synchronized (statement) {
            if (waitSeconds == 0) {
                return response(statement, "PENDING");
            }
            String state = statement.observe();
            if (!statement.terminal() && onWaitTimeout.equals("CANCEL")) {
                statement.state = "CANCELED";
                state = "CANCELED";
            }
            return response(statement, state);
        }
    }

    ObjectNode get(String id) {
        Statement statement = find(id);
        synchronized (statement) {
            return response(statement, statement.observe());
        }
    }

    ObjectNode chunk(String id, String indexText) {
        Statement statement = find(id);
        synchronized (statement) {
            if (!statement.state.equals("SUCCEEDED")) {
                throw ApiException.invalidState("Statement " + id + " is " + statement.state
                        + "; result chunks are available once it SUCCEEDED");
            }
            int index;
            try {
                index = Integer.parseInt(indexText);
            } catch (NumberFormatException e) {
                throw ApiException.invalidParameter("Chunk index must be a number, was " + indexText);
            }
            if (index < 0 || index >= statement.chunkCount()) {
                throw ApiException.invalidParameter("Chunk index " + index + " is out of range for statement " + id
                        + " with " + statement.chunkCount() + " chunks");
            }
            return chunkData(statement, index);
        }
    }

    void cancel(String id) {
        Statement statement = find(id);
        synchronized (statement) {
            if (!statement.terminal()) {
                statement.state = "CANCELED";
            }
        }
    }

    private Statement find(String id) {
        Statement statement = statements.get(id);
        if (statement == null) {
            throw new ApiException(404, "NOT_FOUND", "The statement " + id + " was not found.");
        }
        return statement;
    }

    private String nextId() {
        long n = ids.incrementAndGet();
        return String.format(Locale.ROOT, "01f0e000-0000-1000-8000-%012x", n);
    }

    private ObjectNode response(Statement statement, String state) {
        ObjectNode out = json.createObjectNode();
        out.put("statement_id", statement.id);
        ObjectNode status = out.putObject("status");
        status.put("state", state);
        if (state.equals("FAILED")) {
            status.put("sql_state", statement.sqlState);
            ObjectNode error = status.putObject("error");
            error.put("error_code", "BAD_REQUEST");
            error.put("message", statement.errorMessage);
        } else if (state.equals("SUCCEEDED")) {
            out.set("manifest", manifest(statement));
            if (statement.chunkCount() > 0) {
                out.set("result", chunkData(statement, 0));
            } else {
                ObjectNode empty = out.putObject("result");
                empty.put("chunk_index", 0);
                empty.put("row_offset", 0);
                empty.put("row_count", 0);
            }
        }
        return out;
    }

    private ObjectNode manifest(Statement statement) {
        QueryResult result = statement.result;
        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", "JSON_ARRAY");
        ObjectNode schema = manifest.putObject("schema");
        schema.put("column_count", result.columns().size());
        ArrayNode columns = schema.putArray("columns");
        for (int i = 0; i < result.columns().size(); i++) {
            QueryResult.ResultColumn c = result.columns().get(i);
            ObjectNode column = columns.addObject();
            column.put("name", c.name());
            column.put("type_text", c.typeText());
            column.put("type_name", c.typeName());
            column.put("position", i);
            if (c.precision() != null) {
                column.put("type_precision", c.precision());
                column.put("type_scale", c.scale());
            }
        }
        int chunkCount = statement.chunkCount();
        manifest.put("total_chunk_count", chunkCount);
        ArrayNode chunks = manifest.putArray("chunks");
        long totalBytes = 0;
        for (int i = 0; i < chunkCount; i++) {
            ObjectNode info = chunks.addObject();
            List<List<String>> rows = rows(statement, i);
            long bytes = byteCount(rows);
            totalBytes += bytes;
            info.put("chunk_index", i);
            info.put("row_offset", (long) i * statement.rowsPerChunk);
            info.put("row_count", rows.size());
            info.put("byte_count", bytes);
        }
        manifest.put("total_row_count", result.rows().size());
        manifest.put("total_byte_count", totalBytes);
        manifest.put("truncated", result.truncated());
        return manifest;
    }

    private ObjectNode chunkData(Statement statement, int index) {
        List<List<String>> rows = rows(statement, index);
        ObjectNode data = json.createObjectNode();
        data.put("chunk_index", index);
        data.put("row_offset", (long) index * statement.rowsPerChunk);
        data.put("row_count", rows.size());
        data.put("byte_count", byteCount(rows));
        ArrayNode array = data.putArray("data_array");
        for (List<String> row : rows) {
            ArrayNode out = array.addArray();
            row.forEach(out::add);
        }
        if (index + 1 < statement.chunkCount()) {
            data.put("next_chunk_index", index + 1);
            data.put("next_chunk_internal_link",
                    "/api/2.0/sql/statements/" + statement.id + "/result/chunks/" + (index + 1));
        }
        return data;
    }

    private static List<List<String>> rows(Statement statement, int index) {
        List<List<String>> all = statement.result.rows();
        int from = index * statement.rowsPerChunk;
        return all.subList(from, Math.min(all.size(), from + statement.rowsPerChunk));
    }

    private long byteCount(List<List<String>> rows) {
        try {
            return json.writeValueAsString(rows).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not measure a result chunk", e);
        }
    }

    private static Map<String, SqlParameter> parameters(JsonNode node) {
        Map<String, SqlParameter> out = new LinkedHashMap<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw ApiException.invalidParameter("parameters must be a list of {name, value, type}");
        }
        for (JsonNode p : node) {
            try {
                SqlParameter parameter = new SqlParameter(text(p, "name"), text(p, "value"), text(p, "type"));
                parameter.javaValue();
                out.put(parameter.name(), parameter);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidParameter(e.getMessage());
            }
        }
        return out;
    }

    private static int waitSeconds(String waitTimeout) {
        Matcher m = WAIT_TIMEOUT.matcher(waitTimeout.trim());
        if (m.matches()) {
            int seconds = Integer.parseInt(m.group(1));
            if (seconds == 0 || (seconds >= 5 && seconds <= 50)) {
                return seconds;
            }
        }
        throw ApiException.invalidParameter("wait_timeout must be 0s or between 5s and 50s, was " + waitTimeout);
    }

    private static String databricksSqlState(SQLException e) {
        return switch (e.getErrorCode()) {
            case 42102, 42103, 42104 -> "42P01";
            case 90079 -> "42704";
            case 42122 -> "42703";
            case 90022 -> "42883";
            case 42000, 42001 -> "42601";
            default -> e.getSQLState();
        };
    }

    private static String databricksMessage(SQLException e) {
        String h2 = e.getMessage() == null ? "" : e.getMessage().split("\n")[0].replaceFirst(";? ?SQL statement:.*$", "");
        String condition = switch (e.getErrorCode()) {
            case 42102, 42103, 42104 -> "TABLE_OR_VIEW_NOT_FOUND";
            case 90079 -> "SCHEMA_NOT_FOUND";
            case 42122 -> "UNRESOLVED_COLUMN";
            case 90022 -> "UNRESOLVED_ROUTINE";
            case 42000, 42001 -> "PARSE_SYNTAX_ERROR";
            default -> "INTERNAL_ERROR";
        };
        return "[" + condition + "] " + h2;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String upper(String value, String fallback) {
        return value == null ? fallback : value.toUpperCase(Locale.ROOT);
    }
}
