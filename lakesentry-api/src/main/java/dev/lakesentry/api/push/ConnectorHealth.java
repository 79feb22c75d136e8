package dev.lakesentry.api.push;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * The health of one connector for one table, derived from the extraction registry and rejections.
 *
 * @param connectorId   the connector
 * @param accountId     the account
 * @param table         the table
 * @param lastPushAt    the latest accepted push, or {@code null} if none
 * @param rows          raw rows appended from this connector and table in all
 * @param watermark     the highest watermark reached, or {@code null}
 * @param lastRejection the latest refused push, or {@code null}
 * @param status        healthy, lagging or failing
 * @since 0.1.0
 */
public record ConnectorHealth(String connectorId, String accountId, SystemTable table, Instant lastPushAt,
                              long rows, Instant watermark, Rejection lastRejection, HealthStatus status) {
    public ConnectorHealth {
        Checks.notBlank(connectorId, "ConnectorHealth", "connectorId");
        Checks.notBlank(accountId, "ConnectorHealth", "accountId");
        Checks.notNull(table, "ConnectorHealth", "table");
        Checks.notNegative(rows, "ConnectorHealth", "rows");
        Checks.notNull(status, "ConnectorHealth", "status");
    }

    /** The latest refused push, if any. */
    public Optional<Rejection> rejection() {
        return Optional.ofNullable(lastRejection);
    }
}
