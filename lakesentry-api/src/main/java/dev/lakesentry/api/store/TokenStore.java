package dev.lakesentry.api.store;

import dev.lakesentry.api.push.CollectorToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps collector tokens (their salted hashes, never the secrets).
 *
 * @since 0.1.0
 */
public interface TokenStore {

    /**
     * Stores a newly issued token.
     *
     * @throws dev.lakesentry.api.StoreException if the token id exists already
     */
    void add(CollectorToken token);

    /** The token with this public id. */
    Optional<CollectorToken> find(String tokenId);

    /**
     * Revokes a token from {@code at} on; revoking a revoked token keeps the first time.
     *
     * @return whether a token with that id exists
     */
    boolean revoke(String tokenId, Instant at);

    /** The account's tokens, newest first. */
    List<CollectorToken> tokens(String accountId);
}
