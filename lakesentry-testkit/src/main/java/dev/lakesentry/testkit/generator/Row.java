package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.push.Column;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row under construction: starts with every column of its table set to null, in the table's column
 * order, and refuses a column the table does not have, so every generated row has exactly the table's
 * columns.
 */
final class Row {
    private final SystemTable table;
    private final Map<String, Object> values;

    private Row(SystemTable table) {
        this.table = table;
        this.values = new LinkedHashMap<>(table.columns().size() * 2);
        for (Column c : table.columns()) {
            values.put(c.name(), null);
        }
    }

    static Row of(SystemTable table) {
        return new Row(table);
    }

    Row set(String column, Object value) {
        if (!values.containsKey(column)) {
            throw new IllegalStateException(table.fullName() + " has no column '" + column + "'");
        }
        values.put(column, value);
        return this;
    }

    SystemTable table() {
        return table;
    }

    SourceRecord build() {
        return new SourceRecord(values);
    }
}
