/**
 * The ledger layer's entities: workspaces, warehouses, SKU prices, node types, identities, clusters
 * over time, work units and their runs, priced usage line items, warehouse uptime, queries, hourly
 * cluster utilisation and daily serving requests. Built from the raw layer alone.
 *
 * @since 0.1.0
 */
package dev.lakesentry.api.ledger;
