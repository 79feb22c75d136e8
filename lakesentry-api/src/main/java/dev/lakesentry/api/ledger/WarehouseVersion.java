package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;
import java.util.Map;

/**
 * One configuration version of a SQL warehouse, valid from {@code validFrom} until {@code validTo}
 * (exclusive; {@code null} for the current version).
 *
 * @since 0.1.0
 */
public record WarehouseVersion(String accountId, String workspaceId, String warehouseId, String name,
                               String warehouseType, String size, Integer minClusters, Integer maxClusters,
                               Integer autoStopMinutes, Map<String, String> tags, Instant validFrom,
                               Instant validTo, Instant deleteTime) {
    public WarehouseVersion {
        Checks.notBlank(accountId, "WarehouseVersion", "accountId");
        Checks.notBlank(workspaceId, "WarehouseVersion", "workspaceId");
        Checks.notBlank(warehouseId, "WarehouseVersion", "warehouseId");
        Checks.notNull(validFrom, "WarehouseVersion", "validFrom");
        Checks.ordered(validFrom, validTo, "WarehouseVersion", "validFrom", "validTo");
        tags = Checks.stringMap(tags, "WarehouseVersion", "tags");
    }
}
