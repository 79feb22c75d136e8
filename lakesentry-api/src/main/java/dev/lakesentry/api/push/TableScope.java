package dev.lakesentry.api.push;

/**
 * Whether a system table shows the whole account or only the querying metastore's region.
 *
 * @since 0.1.0
 */
public enum TableScope {
    /** Account-wide (billing, list prices, workspaces): collected by exactly one, primary, connector. */
    ACCOUNT,
    /** Regional: one connector per region. */
    REGIONAL
}
