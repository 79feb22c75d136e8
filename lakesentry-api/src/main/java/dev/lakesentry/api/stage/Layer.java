package dev.lakesentry.api.stage;

/**
 * The storage layers, each with the table prefix its tables carry. Only the stage that owns a layer
 * writes it (ARCHITECTURE.md §1).
 *
 * @since 0.1.0
 */
public enum Layer {
    RAW("raw_"),
    LEDGER("ledger_"),
    METRICS("metric_"),
    INSIGHTS("insight_"),
    PLANS("plan_"),
    /** Written by people through the host's API, never by a stage. */
    REVIEWS("review_"),
    ACTIONS("action_");

    private final String tablePrefix;

    Layer(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    /** The prefix of this layer's table names, e.g. {@code ledger_}. */
    public String tablePrefix() {
        return tablePrefix;
    }
}
