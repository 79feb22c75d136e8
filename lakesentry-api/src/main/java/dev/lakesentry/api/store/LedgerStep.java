package dev.lakesentry.api.store;

import java.util.List;

/**
 * The steps of building the ledger, in dependency order (ARCHITECTURE.md §4).
 *
 * @since 0.1.0
 */
public enum LedgerStep {
    /** Workspaces, SQL warehouses over time, SKU prices with validity windows, node types. */
    REFERENCE,
    /** Users and service principals seen as owners, run-as and query issuers, with their teams. */
    IDENTITIES,
    /** One row per cluster configuration version. */
    CLUSTERS,
    /** Warehouse uptime intervals from warehouse events. */
    WAREHOUSE_UPTIME,
    /** Jobs, pipelines, warehouses, serving endpoints, interactive clusters. */
    WORK_UNITS,
    /** Work-unit runs from the run timeline slices. */
    RUNS,
    /** Priced usage line items. */
    USAGE,
    /** Queries linked to warehouses and work units. */
    QUERIES,
    /** Hourly cluster utilisation from the node timeline. */
    UTILISATION,
    /** Daily request counts per serving endpoint. */
    SERVING_REQUESTS;

    /** All steps in dependency order. */
    public static List<LedgerStep> dependencyOrder() {
        return List.of(values());
    }
}
