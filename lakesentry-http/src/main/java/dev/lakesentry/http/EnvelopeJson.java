package dev.lakesentry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakesentry.api.Problem;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the push envelope's JSON wire format ({@link PushEnvelope#toJson()}), reporting every field
 * that is missing or of the wrong type at once.
 */
final class EnvelopeJson {
    private final ObjectMapper mapper;

    EnvelopeJson(int maxStringLength) {
        mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(maxStringLength).maxNestingDepth(64).build());
    }

    PushEnvelope parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ValidationException.of("request body", null, null, "is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ValidationException.of("request body", null, null, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ValidationException.of("request body", null, null, "must be a JSON object (the push envelope)");
        }
        ObjectNode o = (ObjectNode) root;
        List<Problem> problems = new ArrayList<>();
        String extractionId = text(o, "extraction_id", problems);
        String where = extractionId == null ? "envelope" : "extraction '" + extractionId + "'";
        String connectorId = text(o, "connector_id", problems);
        String accountId = text(o, "account_id", problems);
        String tableName = text(o, "table", problems);
        SystemTable table = null;
        if (tableName != null) {
            table = SystemTable.byFullName(tableName).orElse(null);
            if (table == null) {
                problems.add(new Problem(where, "table", tableName, "is not a system table LakeSentry reads"));
            }
        }
        String modeName = text(o, "mode", problems);
        ExtractionMode mode = null;
        if (modeName != null) {
            try {
                mode = ExtractionMode.valueOf(modeName);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(where, "mode", modeName, "must be INCREMENTAL or SNAPSHOT"));
            }
        }
        WatermarkRange watermark = watermark(o.get("watermark"), where, problems);
        Long schemaVersion = whole(o, "schema_version", where, problems);
        Long recordCount = whole(o, "record_count", where, problems);
        if (recordCount != null && recordCount < 0) {
            problems.add(new Problem(where, "record_count", recordCount.toString(), "must not be negative"));
        }
        String checksum = text(o, "checksum", problems);
        List<SourceRecord> records = records(o.get("records"), where, problems);
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!List.of("extraction_id", "connector_id", "account_id", "table", "mode", "watermark", "schema_version",
                    "record_count", "checksum", "records").contains(name)) {
                problems.add(new Problem(where, name, null, "is not a field of the push envelope"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("Push " + where, problems, problems.size());
        }
        if (schemaVersion > Integer.MAX_VALUE || schemaVersion < Integer.MIN_VALUE) {
            throw ValidationException.of(where, "schema_version", schemaVersion.toString(), "is out of range");
        }
        try {
            return new PushEnvelope(extractionId, connectorId, accountId, table, mode, watermark,
                    schemaVersion.intValue(), recordCount, checksum, records);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(where, null, null, e.getMessage());
        }
    }

    private static String text(ObjectNode o, String field, List<Problem> problems) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            problems.add(new Problem("envelope", field, null, "is required"));
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            problems.add(new Problem("envelope", field, n.toString(), "must be non-blank text"));
            return null;
        }
        return n.asText();
    }

    private static Long whole(ObjectNode o, String field, String where, List<Problem> problems) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            problems.add(new Problem(where, field, null, "is required"));
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            problems.add(new Problem(where, field, n.toString(), "must be a whole number"));
            return null;
        }
        return n.asLong();
    }

    private static WatermarkRange watermark(JsonNode n, String where, List<Problem> problems) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            problems.add(new Problem(where, "watermark", n.toString(), "must be an object {\"from\": …, \"to\": …} or null"));
            return null;
        }
        Instant from = instant(n.get("from"), where, "watermark.from", problems);
        Instant to = instant(n.get("to"), where, "watermark.to", problems);
        if (to == null) {
            if (n.get("to") == null || n.get("to").isNull()) {
                problems.add(new Problem(where, "watermark.to", null, "is required"));
            }
            return null;
        }
        try {
            return new WatermarkRange(from, to);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(where, "watermark", n.toString(), e.getMessage()));
            return null;
        }
    }

    private static Instant instant(JsonNode n, String where, String field, List<Problem> problems) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(where, field, n.toString(), "must be an ISO-8601 instant like 2025-03-04T00:00:00Z"));
            return null;
        }
    }

    private List<SourceRecord> records(JsonNode n, String where, List<Problem> problems) {
        if (n == null || n.isNull()) {
            problems.add(new Problem(where, "records", null, "is required"));
            return List.of();
        }
        if (!n.isArray()) {
            problems.add(new Problem(where, "records", null, "must be an array of objects"));
            return List.of();
        }
        List<SourceRecord> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode r = n.get(i);
            if (!r.isObject()) {
                problems.add(new Problem(where + " record " + i, null, null, "must be a JSON object"));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = mapper.convertValue(r, LinkedHashMap.class);
            try {
                out.add(new SourceRecord(values));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(where + " record " + i, null, null, e.getMessage()));
            }
        }
        return out;
    }
}
