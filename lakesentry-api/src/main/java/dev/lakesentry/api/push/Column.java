package dev.lakesentry.api.push;

import dev.lakesentry.api.internal.Checks;

/**
 * A column of a system table.
 *
 * @param name     the Databricks column name, e.g. {@code usage_quantity}
 * @param type     its type
 * @param required whether ingestion refuses a record without a value in it (the natural key, the
 *                 watermark and what the ledger cannot do without)
 * @since 0.1.0
 */
public record Column(String name, ColumnType type, boolean required) {
    public Column {
        Checks.notBlank(name, "Column", "name");
        Checks.notNull(type, "Column", "type");
    }
}
