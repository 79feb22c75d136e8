package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * An interval in which a SQL warehouse ran a given number of clusters, from its events: each event
 * opens an interval that the next event closes.
 *
 * @since 0.1.0
 */
public record WarehouseUptime(String accountId, String workspaceId, String warehouseId, Instant start,
                              Instant end, int clusterCount) {
    public WarehouseUptime {
        Checks.notBlank(accountId, "WarehouseUptime", "accountId");
        Checks.notBlank(workspaceId, "WarehouseUptime", "workspaceId");
        Checks.notBlank(warehouseId, "WarehouseUptime", "warehouseId");
        Checks.notNull(start, "WarehouseUptime", "start");
        Checks.notNull(end, "WarehouseUptime", "end");
        Checks.ordered(start, end, "WarehouseUptime", "start", "end");
        Checks.notNegative(clusterCount, "WarehouseUptime", "clusterCount");
    }

    /** How long the interval lasted. */
    public Duration duration() {
        return Duration.between(start, end);
    }
}
