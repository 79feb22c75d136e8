package dev.lakesentry.testkit.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of one statement: its columns as Databricks describes them and its rows with every value already
 * rendered as Databricks text (or null).
 *
 * @param columns   the manifest's schema, in order
 * @param rows      the rendered rows
 * @param truncated whether {@code row_limit} cut the result
 */
record QueryResult(List<ResultColumn> columns, List<List<String>> rows, boolean truncated) {

    QueryResult {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /**
     * One column of a result manifest.
     *
     * @param name      the column label
     * @param typeName  the Databricks {@code type_name} (STRING, LONG, DECIMAL, TIMESTAMP, MAP, …)
     * @param typeText  the Databricks {@code type_text} (STRING, BIGINT, DECIMAL(38,18), …)
     * @param precision the decimal precision, or null
     * @param scale     the decimal scale, or null
     */
    record ResultColumn(String name, String typeName, String typeText, Integer precision, Integer scale) {
    }
}
