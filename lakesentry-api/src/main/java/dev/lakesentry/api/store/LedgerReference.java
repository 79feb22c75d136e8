package dev.lakesentry.api.store;

import dev.lakesentry.api.internal.Checks;
import dev.lakesentry.api.ledger.ClusterVersion;
import dev.lakesentry.api.ledger.Identity;
import dev.lakesentry.api.ledger.NodeType;
import dev.lakesentry.api.ledger.SkuPrice;
import dev.lakesentry.api.ledger.WarehouseVersion;
import dev.lakesentry.api.ledger.WorkUnit;
import dev.lakesentry.api.ledger.Workspace;
import java.util.List;

/**
 * The ledger's undated entities of one account, replaced together.
 *
 * @since 0.1.0
 */
public record LedgerReference(List<Workspace> workspaces, List<WarehouseVersion> warehouses, List<SkuPrice> skuPrices,
                              List<NodeType> nodeTypes, List<Identity> identities, List<ClusterVersion> clusters,
                              List<WorkUnit> workUnits) {
    public LedgerReference {
        workspaces = Checks.list(workspaces, "LedgerReference", "workspaces");
        warehouses = Checks.list(warehouses, "LedgerReference", "warehouses");
        skuPrices = Checks.list(skuPrices, "LedgerReference", "skuPrices");
        nodeTypes = Checks.list(nodeTypes, "LedgerReference", "nodeTypes");
        identities = Checks.list(identities, "LedgerReference", "identities");
        clusters = Checks.list(clusters, "LedgerReference", "clusters");
        workUnits = Checks.list(workUnits, "LedgerReference", "workUnits");
    }
}
