package dev.lakesentry.api.push;

/**
 * The Databricks SQL type of a system-table column, as the Statement Execution API names it in
 * {@code type_name}. Over the wire every value is a string (or JSON text for nested types).
 *
 * @since 0.1.0
 */
public enum ColumnType {
    STRING, LONG, INT, DOUBLE, DECIMAL, BOOLEAN, DATE, TIMESTAMP,
    /** {@code map<string,…>}: a JSON object. */
    MAP,
    /** A struct: a JSON object with known keys (parsed tolerantly: new keys appear over time). */
    STRUCT,
    /** {@code array<…>}: a JSON array. */
    ARRAY;

    /** Whether values of this type are nested JSON rather than a scalar. */
    public boolean isNested() {
        return this == MAP || this == STRUCT || this == ARRAY;
    }
}
