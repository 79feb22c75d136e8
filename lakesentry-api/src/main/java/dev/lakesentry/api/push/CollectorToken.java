package dev.lakesentry.api.push;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A collector token as the store keeps it: never the secret itself, only a salted SHA-256 hash of it.
 * A token is issued for one connector of one account and can be revoked.
 *
 * @param tokenId     the token's public id (the part of the token before the secret)
 * @param connectorId the connector it was issued for
 * @param accountId   the account it was issued for
 * @param salt        random salt, hex
 * @param hash        SHA-256 of salt and secret, hex
 * @param createdAt   when it was issued
 * @param revokedAt   when it was revoked, or {@code null} while valid
 * @since 0.1.0
 */
public record CollectorToken(String tokenId, String connectorId, String accountId, String salt, String hash,
                             Instant createdAt, Instant revokedAt) {
    public CollectorToken {
        Checks.notBlank(tokenId, "CollectorToken", "tokenId");
        Checks.notBlank(connectorId, "CollectorToken", "connectorId");
        Checks.notBlank(accountId, "CollectorToken", "accountId");
        Checks.notBlank(salt, "CollectorToken", "salt");
        Checks.notBlank(hash, "CollectorToken", "hash");
        Checks.notNull(createdAt, "CollectorToken", "createdAt");
    }

    /** When it was revoked, if it was. */
    public Optional<Instant> revoked() {
        return Optional.ofNullable(revokedAt);
    }

    @Override
    public String toString() {
        return "CollectorToken[tokenId=" + tokenId + ", connectorId=" + connectorId + ", accountId=" + accountId
                + ", revokedAt=" + revokedAt + "]";
    }
}
