package dev.lakesentry.api.store;

import dev.lakesentry.api.ledger.ClusterVersion;
import dev.lakesentry.api.ledger.HourlyUtilisation;
import dev.lakesentry.api.ledger.Identity;
import dev.lakesentry.api.ledger.NodeType;
import dev.lakesentry.api.ledger.QueryRecord;
import dev.lakesentry.api.ledger.ServingDailyRequests;
import dev.lakesentry.api.ledger.SkuPrice;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WarehouseUptime;
import dev.lakesentry.api.ledger.WarehouseVersion;
import dev.lakesentry.api.ledger.WorkUnit;
import dev.lakesentry.api.ledger.WorkUnitRun;
import dev.lakesentry.api.ledger.Workspace;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reads the ledger. Every method is scoped to one account; lists come in a deterministic order (by
 * natural key, then time). Date ranges are inclusive, instant ranges half-open {@code [from, to)}.
 *
 * @since 0.1.0
 */
public interface LedgerReader {

    List<Workspace> workspaces(String accountId);

    List<WarehouseVersion> warehouses(String accountId);

    List<SkuPrice> skuPrices(String accountId);

    List<NodeType> nodeTypes(String accountId);

    List<Identity> identities(String accountId);

    List<ClusterVersion> clusters(String accountId);

    List<WorkUnit> workUnits(String accountId);

    /** Runs that started in {@code [from, to)}. */
    List<WorkUnitRun> runs(String accountId, Instant from, Instant to);

    /** Usage line items of the usage days {@code from..to}. */
    List<UsageLineItem> usage(String accountId, LocalDate from, LocalDate to);

    /** Warehouse uptime intervals that started in {@code [from, to)}. */
    List<WarehouseUptime> warehouseUptime(String accountId, Instant from, Instant to);

    /** Queries that started in {@code [from, to)}. */
    List<QueryRecord> queries(String accountId, Instant from, Instant to);

    /** Hourly utilisation of the hours in {@code [from, to)}. */
    List<HourlyUtilisation> utilisation(String accountId, Instant from, Instant to);

    /** Serving request counts of the days {@code from..to}. */
    List<ServingDailyRequests> servingRequests(String accountId, LocalDate from, LocalDate to);

    /**
     * The earliest day on or before {@code onOrBefore} with serving requests of any endpoint of the account:
     * where the account's request data begins ({@code system.serving.endpoint_usage} keeps 90 days, billing a
     * year, so a first collection holds billed endpoint days with no request data behind them). Empty when
     * there is none. The default reads every request row up to the day; stores should answer it directly.
     *
     * @since 0.1.0
     */
    default Optional<LocalDate> earliestServingRequestDay(String accountId, LocalDate onOrBefore) {
        return servingRequests(accountId, LocalDate.of(1970, 1, 1), onOrBefore).stream()
                .map(ServingDailyRequests::day).min(LocalDate::compareTo);
    }

    /** The extraction sequence the account's ledger was last built through, or 0 when never built. */
    long builtThroughSequence(String accountId);

    /** The latest {@code usage_end_time} in the ledger, the default as-of time of analysis. */
    Optional<Instant> latestUsageTime(String accountId);
}
