package dev.lakesentry.api.store;

import dev.lakesentry.api.internal.Checks;
import dev.lakesentry.api.ledger.HourlyUtilisation;
import dev.lakesentry.api.ledger.QueryRecord;
import dev.lakesentry.api.ledger.ServingDailyRequests;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WarehouseUptime;
import dev.lakesentry.api.ledger.WorkUnitRun;
import java.util.List;

/**
 * The ledger's dated entities of one partition, replaced together. Each row belongs to the day of its
 * usage date (usage, serving requests) or of its start in UTC (runs, uptime, queries, utilisation).
 *
 * @since 0.1.0
 */
public record LedgerActivity(List<UsageLineItem> usage, List<WorkUnitRun> runs, List<WarehouseUptime> warehouseUptime,
                             List<QueryRecord> queries, List<HourlyUtilisation> utilisation,
                             List<ServingDailyRequests> servingRequests) {
    public LedgerActivity {
        usage = Checks.list(usage, "LedgerActivity", "usage");
        runs = Checks.list(runs, "LedgerActivity", "runs");
        warehouseUptime = Checks.list(warehouseUptime, "LedgerActivity", "warehouseUptime");
        queries = Checks.list(queries, "LedgerActivity", "queries");
        utilisation = Checks.list(utilisation, "LedgerActivity", "utilisation");
        servingRequests = Checks.list(servingRequests, "LedgerActivity", "servingRequests");
    }
}
