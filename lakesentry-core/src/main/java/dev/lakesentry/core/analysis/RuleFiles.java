package dev.lakesentry.core.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lakesentry.api.LakeSentryException;
import dev.lakesentry.api.Problem;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.metrics.Confidence;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads attribution rules from a JSON or YAML file (by extension: {@code .json}, {@code .yaml},
 * {@code .yml}). Every problem is reported at once, each naming the file, the rule id and the field:
 *
 * <pre>
 * workspace_default_teams: {"1234567890123456": analytics}
 * rules:
 *   - id: team-tag
 *     priority: 10
 *     match: {tags: {team: "*"}}
 *     team_from_tag: team
 *   - id: platform-split
 *     priority: 50
 *     match: {sku: ["*ALL_PURPOSE*"], workspace: ["1234567890123456"]}
 *     split: {data-eng: 60, analytics: 40}
 *   - id: storage
 *     match: {product: [DEFAULT_STORAGE]}
 *     bucket: shared-storage
 * </pre>
 * Match keys: {@code tags, workspace, principal, job_id, warehouse_id, cluster_id, endpoint_id, sku,
 * product}. Actions (exactly one): {@code team, team_from_tag, split, bucket}. Optional:
 * {@code priority} (default 1000), {@code confidence} (EXACT, STRONG, ESTIMATED).
 */
public final class RuleFiles {
    private static final Set<String> RULE_KEYS = Set.of("id", "priority", "match", "team", "team_from_tag", "split",
            "bucket", "confidence");
    private static final Set<String> MATCH_KEYS = Set.of("tags", "workspace", "principal", "job_id", "warehouse_id",
            "cluster_id", "endpoint_id", "sku", "product");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RuleFiles() {
    }

    /**
     * Loads a rule file.
     *
     * @throws ValidationException naming the file, rule id and field of every problem
     */
    public static RuleSet load(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        if (name.endsWith(".json")) {
            mapper = new ObjectMapper();
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            mapper = new YAMLMapper();
        } else {
            throw ValidationException.of("rules file " + file, null, null, "must end in .json, .yaml or .yml");
        }
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw ValidationException.of("rules file " + file, null, null, "does not exist");
        } catch (JsonProcessingException e) {
            throw ValidationException.of("rules file " + file, null, null, "does not parse: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new LakeSentryException("Cannot read the rules file " + file + ": " + e.getMessage(), e);
        }
        return parse(root, "rules file " + file);
    }

    static RuleSet parse(JsonNode root, String source) {
        List<Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw ValidationException.of(source, null, null, "must be an object with 'rules' and optional 'workspace_default_teams'");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!key.equals("rules") && !key.equals("workspace_default_teams")) {
                problems.add(new Problem(source, key, null, "is not a known key; use 'rules' and 'workspace_default_teams'"));
            }
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        JsonNode wd = root.get("workspace_default_teams");
        if (wd != null && !wd.isNull()) {
            if (!wd.isObject()) {
                problems.add(new Problem(source, "workspace_default_teams", wd.toString(), "must map workspace ids to teams"));
            } else {
                wd.fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                        problems.add(new Problem(source, "workspace_default_teams." + e.getKey(), e.getValue().toString(),
                                "must be a team name"));
                    } else {
                        defaults.put(e.getKey(), e.getValue().asText());
                    }
                });
            }
        }
        List<RuleDefinition> rules = new ArrayList<>();
        JsonNode list = root.get("rules");
        if (list == null || !list.isArray()) {
            problems.add(new Problem(source, "rules", list == null ? null : list.toString(), "must be a list of rules"));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                RuleDefinition rule = rule(list.get(i), i, source, problems);
                if (rule != null && !ids.add(rule.id())) {
                    problems.add(new Problem(source + " rule '" + rule.id() + "'", "id", rule.id(), "is used by two rules"));
                } else if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("Attribution rules from " + source, problems, problems.size());
        }
        return new RuleSet(rules, defaults);
    }

    private static RuleDefinition rule(JsonNode n, int index, String source, List<Problem> problems) {
        if (n == null || !n.isObject()) {
            problems.add(new Problem(source + " rule #" + (index + 1), null, n == null ? null : n.toString(), "must be an object"));
            return null;
        }
        String id = n.hasNonNull("id") && n.get("id").isTextual() && !n.get("id").asText().isBlank() ? n.get("id").asText() : null;
        String where = source + (id == null ? " rule #" + (index + 1) : " rule '" + id + "'");
        int before = problems.size();
        if (id == null) {
            problems.add(new Problem(where, "id", n.has("id") ? n.get("id").toString() : null, "is required (non-blank text)"));
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!RULE_KEYS.contains(k)) {
                problems.add(new Problem(where, k, null, "is not a rule key; known keys are " + RULE_KEYS));
            }
        });
        int priority = 1000;
        if (n.has("priority")) {
            JsonNode p = n.get("priority");
            if (!p.isInt()) {
                problems.add(new Problem(where, "priority", p.toString(), "must be a whole number"));
            } else {
                priority = p.asInt();
            }
        }
        RuleMatch match = match(n.get("match"), where, problems);
        String team = optionalText(n, "team", where, problems);
        String teamFromTag = optionalText(n, "team_from_tag", where, problems);
        String bucket = optionalText(n, "bucket", where, problems);
        Map<String, BigDecimal> split = new LinkedHashMap<>();
        if (n.has("split")) {
            JsonNode s = n.get("split");
            if (!s.isObject() || s.isEmpty()) {
                problems.add(new Problem(where, "split", s.toString(), "must map teams to percentages"));
            } else {
                BigDecimal total = BigDecimal.ZERO;
                for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isNumber() || e.getValue().decimalValue().signum() <= 0) {
                        problems.add(new Problem(where, "split." + e.getKey(), e.getValue().toString(),
                                "must be a percentage above 0"));
                        continue;
                    }
                    split.put(e.getKey(), e.getValue().decimalValue());
                    total = total.add(e.getValue().decimalValue());
                }
                if (problems.size() == before && total.compareTo(HUNDRED) != 0) {
                    problems.add(new Problem(where, "split", total.toPlainString(), "percentages must total 100"));
                }
            }
        }
        int actions = (team != null ? 1 : 0) + (teamFromTag != null ? 1 : 0) + (bucket != null ? 1 : 0) + (n.has("split") ? 1 : 0);
        if (actions != 1) {
            problems.add(new Problem(where, "team|team_from_tag|split|bucket", String.valueOf(actions),
                    "a rule needs exactly one action"));
        }
        Confidence confidence = null;
        if (n.has("confidence")) {
            String c = n.get("confidence").asText();
            try {
                confidence = Confidence.valueOf(c.toUpperCase(Locale.ROOT));
                if (confidence == Confidence.UNATTRIBUTED) {
                    throw new IllegalArgumentException(c);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(where, "confidence", c, "must be EXACT, STRONG or ESTIMATED"));
                confidence = null;
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new RuleDefinition(id, priority, match, team, teamFromTag, split, bucket, confidence);
    }

    private static RuleMatch match(JsonNode m, String where, List<Problem> problems) {
        if (m == null || !m.isObject() || m.isEmpty()) {
            problems.add(new Problem(where, "match", m == null ? null : m.toString(),
                    "is required: an object with at least one of " + MATCH_KEYS));
            return new RuleMatch(null, null, null, null, null, null, null, null, null);
        }
        m.fieldNames().forEachRemaining(k -> {
            if (!MATCH_KEYS.contains(k)) {
                problems.add(new Problem(where, "match." + k, null, "is not a match key; known keys are " + MATCH_KEYS));
            }
        });
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode t = m.get("tags");
        if (t != null) {
            if (!t.isObject()) {
                problems.add(new Problem(where, "match.tags", t.toString(), "must map tag keys to values or '*'"));
            } else {
                t.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
            }
        }
        return new RuleMatch(tags, list(m, "workspace", where, problems), list(m, "principal", where, problems),
                list(m, "job_id", where, problems), list(m, "warehouse_id", where, problems),
                list(m, "cluster_id", where, problems), list(m, "endpoint_id", where, problems),
                list(m, "sku", where, problems), list(m, "product", where, problems));
    }

    private static List<String> list(JsonNode m, String key, String where, List<Problem> problems) {
        JsonNode n = m.get(key);
        if (n == null) {
            return List.of();
        }
        if (n.isValueNode() && !n.isNull()) {
            return List.of(n.asText());
        }
        if (!n.isArray() || n.isEmpty()) {
            problems.add(new Problem(where, "match." + key, n.toString(), "must be a value or a non-empty list"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String optionalText(JsonNode n, String key, String where, List<Problem> problems) {
        if (!n.has(key)) {
            return null;
        }
        JsonNode v = n.get(key);
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(new Problem(where, key, v.toString(), "must be non-blank text"));
            return null;
        }
        return v.asText();
    }
}
