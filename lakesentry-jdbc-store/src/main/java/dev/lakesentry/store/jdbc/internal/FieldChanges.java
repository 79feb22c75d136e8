package dev.lakesentry.store.jdbc.internal;

import dev.lakesentry.api.plan.FieldChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Not API. Field changes (a plan's changes, an action's pre-image) as a JSON array of {@code {field, before, after}}. */
public final class FieldChanges {
    private FieldChanges() {
    }

    public static String toJson(List<FieldChange> changes) {
        List<Object> out = new ArrayList<>();
        for (FieldChange c : changes) {
            Map<String, Object> m = new HashMap<>();
            m.put("field", c.field());
            m.put("before", c.before());
            m.put("after", c.after());
            out.add(m);
        }
        return Batches.json(out);
    }

    @SuppressWarnings("unchecked")
    public static List<FieldChange> fromJson(String json) {
        List<FieldChange> out = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse(json)) {
            Map<String, Object> m = (Map<String, Object>) o;
            out.add(new FieldChange((String) m.get("field"), (String) m.get("before"), (String) m.get("after")));
        }
        return out;
    }
}
