package dev.lakesentry.api.push;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;

/**
 * A refused push, kept for connector health. The reason never contains a token.
 *
 * @param connectorId  the connector the push claimed to come from
 * @param accountId    the account it claimed
 * @param table        the table it claimed, or {@code null} when the table itself was unknown
 * @param extractionId its extraction id, or {@code null} when missing
 * @param reason       why it was refused
 * @param rejectedAt   when
 * @since 0.1.0
 */
public record Rejection(String connectorId, String accountId, SystemTable table, String extractionId,
                        String reason, Instant rejectedAt) {
    public Rejection {
        Checks.notBlank(connectorId, "Rejection", "connectorId");
        Checks.notBlank(accountId, "Rejection", "accountId");
        Checks.notBlank(reason, "Rejection", "reason");
        Checks.notNull(rejectedAt, "Rejection", "rejectedAt");
    }
}
