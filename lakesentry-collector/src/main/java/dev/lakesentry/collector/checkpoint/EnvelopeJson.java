package dev.lakesentry.collector.checkpoint;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@link PushEnvelope#toJson()} back into an envelope, numbers kept exact. */
final class EnvelopeJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private EnvelopeJson() {
    }

    static PushEnvelope parse(String text, String what) {
        try {
            JsonNode o = JSON.readTree(text);
            SystemTable table = SystemTable.byFullName(o.path("table").asText())
                    .orElseThrow(() -> new IllegalStateException("unknown table " + o.path("table")));
            JsonNode w = o.get("watermark");
            WatermarkRange watermark = w == null || w.isNull() ? null : new WatermarkRange(
                    w.get("from") == null || w.get("from").isNull() ? null : Instant.parse(w.get("from").asText()),
                    Instant.parse(w.get("to").asText()));
            List<SourceRecord> records = new ArrayList<>();
            for (JsonNode r : o.path("records")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) value(r);
                records.add(new SourceRecord(values));
            }
            return new PushEnvelope(o.path("extraction_id").asText(), o.path("connector_id").asText(),
                    o.path("account_id").asText(), table, ExtractionMode.valueOf(o.path("mode").asText()), watermark,
                    o.path("schema_version").asInt(), o.path("record_count").asLong(), o.path("checksum").asText(),
                    records);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Saved batch " + what + " cannot be read back: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), value(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(value(x)));
            return l;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.asLong() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        throw new IllegalStateException("unexpected JSON node " + n.getNodeType());
    }
}
