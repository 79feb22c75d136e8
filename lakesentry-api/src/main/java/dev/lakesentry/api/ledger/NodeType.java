package dev.lakesentry.api.ledger;

import dev.lakesentry.api.internal.Checks;

/**
 * A node type the account can run, from {@code system.compute.node_types}.
 *
 * @since 0.1.0
 */
public record NodeType(String accountId, String nodeType, double coreCount, long memoryMb, long gpuCount) {
    public NodeType {
        Checks.notBlank(accountId, "NodeType", "accountId");
        Checks.notBlank(nodeType, "NodeType", "nodeType");
        if (Double.isNaN(coreCount) || coreCount < 0) {
            throw new IllegalArgumentException("NodeType.coreCount must be a non-negative number, was " + coreCount);
        }
        Checks.notNegative(memoryMb, "NodeType", "memoryMb");
        Checks.notNegative(gpuCount, "NodeType", "gpuCount");
    }
}
