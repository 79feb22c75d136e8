package dev.lakesentry.testkit.generator;

import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A generated account held in memory (small and demo profiles): every table's rows, in generation
 * order, and the truth.
 *
 * @param config the config it was generated from
 * @param tables the rows of every {@link SystemTable} (an empty list for a table with no rows)
 * @param truth  the labelled truth
 * @since 0.1.0
 */
public record GeneratedAccount(GeneratorConfig config, Map<SystemTable, List<SourceRecord>> tables,
                               GroundTruth truth) {

    public GeneratedAccount {
        EnumMap<SystemTable, List<SourceRecord>> copy = new EnumMap<>(SystemTable.class);
        for (SystemTable t : SystemTable.values()) {
            copy.put(t, List.copyOf(tables.getOrDefault(t, List.of())));
        }
        tables = Collections.unmodifiableMap(copy);
    }

    /** The rows of one table. */
    public List<SourceRecord> rows(SystemTable table) {
        return tables.get(table);
    }

    /** The account id of every row. */
    public String accountId() {
        return truth.accountId();
    }
}
