package dev.lakesentry.testkit.generator.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.testkit.generator.AnomalyKind;
import dev.lakesentry.testkit.generator.CorrectionGroup;
import dev.lakesentry.testkit.generator.EntityLabel;
import dev.lakesentry.testkit.generator.ExpectedCost;
import dev.lakesentry.testkit.generator.GroundTruth;
import dev.lakesentry.testkit.generator.LabelledAnomaly;
import dev.lakesentry.testkit.generator.UnpricedUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code truth.json}: the {@link GroundTruth} as JSON, one list element per line, stable key order,
 * instants as ISO-8601 UTC, money and quantities as exact decimal strings. Byte-identical for the
 * same truth; {@link #read(Path)} gives the truth back.
 *
 * @since 0.1.0
 */
public final class TruthJson {
    /** The file name used next to the export files. */
    public static final String FILE_NAME = "truth.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TruthJson() {
    }

    /** Writes the truth to a file. */
    public static void write(GroundTruth truth, Path file) {
        try {
            Files.writeString(file, toJson(truth), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The JSON text of the truth. */
    public static String toJson(GroundTruth t) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("{\n");
        field(sb, "profile", t.profile(), false);
        field(sb, "seed", t.seed(), false);
        field(sb, "accountId", t.accountId(), false);
        field(sb, "period", window(t.period()), false);
        field(sb, "rowCounts", t.rowCounts(), false);
        list(sb, "anomalies", t.anomalies(), TruthJson::anomaly, false);
        list(sb, "expectedCosts", t.expectedCosts(), TruthJson::cost, false);
        list(sb, "unpricedUsage", t.unpricedUsage(), TruthJson::unpriced, false);
        list(sb, "corrections", t.corrections(), TruthJson::correction, false);
        list(sb, "entities", t.entities(), TruthJson::entity, true);
        return sb.append("}\n").toString();
    }

    private static void field(StringBuilder sb, String name, Object value, boolean last) {
        sb.append("  ");
        JsonText.string(sb, name);
        sb.append(": ");
        JsonText.write(sb, value);
        sb.append(last ? "\n" : ",\n");
    }

    private static <T> void list(StringBuilder sb, String name, List<T> items, Function<T, Map<String, Object>> f,
                                 boolean last) {
        sb.append("  ");
        JsonText.string(sb, name);
        sb.append(": [");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ");
            JsonText.write(sb, f.apply(items.get(i)));
        }
        sb.append(items.isEmpty() ? "]" : "\n  ]").append(last ? "\n" : ",\n");
    }

    private static Map<String, Object> window(TimeWindow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", w.start().toString());
        m.put("end", w.end().toString());
        return m;
    }

    private static Map<String, Object> subject(Subject s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", s.kind().name());
        m.put("id", s.id());
        m.put("workspaceId", s.workspaceId());
        return m;
    }

    private static Map<String, Object> anomaly(LabelledAnomaly a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", a.kind().name());
        m.put("insightType", a.insightType().value());
        m.put("subject", subject(a.subject()));
        m.put("window", window(a.window()));
        m.put("severity", a.severity().name());
        m.put("related", a.related().stream().map(TruthJson::subject).toList());
        m.put("details", new LinkedHashMap<String, Object>(a.details()));
        return m;
    }

    private static Map<String, Object> cost(ExpectedCost c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("usageDate", c.usageDate().toString());
        m.put("workspaceId", c.workspaceId());
        m.put("skuName", c.skuName());
        m.put("currencyCode", c.currencyCode());
        m.put("quantity", c.quantity().toPlainString());
        m.put("cost", c.cost().toPlainString());
        m.put("costInCents", c.costInCents().toPlainString());
        m.put("rows", c.rows());
        return m;
    }

    private static Map<String, Object> unpriced(UnpricedUsage u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("usageDate", u.usageDate().toString());
        m.put("workspaceId", u.workspaceId());
        m.put("skuName", u.skuName());
        m.put("cloud", u.cloud());
        m.put("usageUnit", u.usageUnit());
        m.put("quantity", u.quantity().toPlainString());
        m.put("rows", u.rows());
        return m;
    }

    private static Map<String, Object> correction(CorrectionGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("originalRecordId", g.originalRecordId());
        m.put("retractionRecordId", g.retractionRecordId());
        m.put("restatementRecordId", g.restatementRecordId());
        m.put("workspaceId", g.workspaceId());
        m.put("usageDate", g.usageDate().toString());
        m.put("correctionIngestion", g.correctionIngestion().toString());
        m.put("originalQuantity", g.originalQuantity().toPlainString());
        m.put("restatedQuantity", g.restatedQuantity().toPlainString());
        return m;
    }

    private static Map<String, Object> entity(EntityLabel e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().name());
        m.put("id", e.id());
        m.put("workspaceId", e.workspaceId());
        m.put("name", e.name());
        m.put("team", e.team());
        m.put("teamTagged", e.teamTagged());
        return m;
    }

    /** Reads a {@code truth.json} written by {@link #write(GroundTruth, Path)}. */
    public static GroundTruth read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Map<String, Long> rowCounts = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.get("rowCounts").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            rowCounts.put(e.getKey(), e.getValue().longValue());
        }
        List<LabelledAnomaly> anomalies = new ArrayList<>();
        for (JsonNode a : root.get("anomalies")) {
            List<Subject> related = new ArrayList<>();
            a.get("related").forEach(s -> related.add(subject(s)));
            Map<String, String> details = new LinkedHashMap<>();
            a.get("details").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
            anomalies.add(new LabelledAnomaly(AnomalyKind.valueOf(a.get("kind").asText()),
                    new InsightType(a.get("insightType").asText()), subject(a.get("subject")), window(a.get("window")),
                    Severity.valueOf(a.get("severity").asText()), related, details));
        }
        List<ExpectedCost> costs = new ArrayList<>();
        for (JsonNode c : root.get("expectedCosts")) {
            costs.add(new ExpectedCost(LocalDate.parse(c.get("usageDate").asText()), c.get("workspaceId").asText(),
                    c.get("skuName").asText(), c.get("currencyCode").asText(), new BigDecimal(c.get("quantity").asText()),
                    new BigDecimal(c.get("cost").asText()), c.get("rows").longValue()));
        }
        List<UnpricedUsage> unpriced = new ArrayList<>();
        for (JsonNode u : root.get("unpricedUsage")) {
            unpriced.add(new UnpricedUsage(LocalDate.parse(u.get("usageDate").asText()), u.get("workspaceId").asText(),
                    u.get("skuName").asText(), u.get("cloud").asText(), u.get("usageUnit").asText(),
                    new BigDecimal(u.get("quantity").asText()), u.get("rows").longValue()));
        }
        List<CorrectionGroup> corrections = new ArrayList<>();
        for (JsonNode g : root.get("corrections")) {
            corrections.add(new CorrectionGroup(g.get("originalRecordId").asText(), g.get("retractionRecordId").asText(),
                    g.get("restatementRecordId").isNull() ? null : g.get("restatementRecordId").asText(),
                    g.get("workspaceId").asText(), LocalDate.parse(g.get("usageDate").asText()),
                    LocalDate.parse(g.get("correctionIngestion").asText()),
                    new BigDecimal(g.get("originalQuantity").asText()), new BigDecimal(g.get("restatedQuantity").asText())));
        }
        List<EntityLabel> entities = new ArrayList<>();
        for (JsonNode e : root.get("entities")) {
            entities.add(new EntityLabel(SubjectKind.valueOf(e.get("kind").asText()), e.get("id").asText(),
                    e.get("workspaceId").asText(), e.get("name").asText(), e.get("team").asText(),
                    e.get("teamTagged").booleanValue()));
        }
        return new GroundTruth(root.get("profile").asText(), root.get("seed").longValue(), root.get("accountId").asText(),
                window(root.get("period")), anomalies, costs, unpriced, corrections, entities, rowCounts);
    }

    private static Subject subject(JsonNode s) {
        JsonNode ws = s.get("workspaceId");
        return new Subject(SubjectKind.valueOf(s.get("kind").asText()), s.get("id").asText(),
                ws == null || ws.isNull() ? null : ws.asText());
    }

    private static TimeWindow window(JsonNode w) {
        return new TimeWindow(Instant.parse(w.get("start").asText()), Instant.parse(w.get("end").asText()));
    }
}
