package dev.lakesentry.core.ingest;

import dev.lakesentry.api.AuthenticationException;
import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.push.BearerToken;
import dev.lakesentry.api.push.CollectorToken;
import dev.lakesentry.api.store.TokenStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues, checks and revokes collector tokens. A token reads {@code lsc_<id>.<secret>}: the id finds
 * the stored entry, the secret is checked against its salted SHA-256 hash in constant time. Secrets
 * are 256 random bits, so one salted hash round is enough; the store never sees a secret and no
 * message or log line ever contains one.
 */
public final class CollectorTokens {
    private static final Logger LOG = LoggerFactory.getLogger(CollectorTokens.class);
    private static final Pattern FORMAT = Pattern.compile("lsc_([0-9a-f]{16})\\.([A-Za-z0-9_-]{43})");
    private static final String REFUSED = "Collector token refused";

    private final TokenStore store;
    private final Clock clock;
    private final SecureRandom random;

    public CollectorTokens(TokenStore store, Clock clock) {
        this(store, clock, new SecureRandom());
    }

    CollectorTokens(TokenStore store, Clock clock, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A newly issued token: the secret is shown once and never stored. */
    public record IssuedToken(String tokenId, String connectorId, String accountId, BearerToken token) {
    }

    /** Who a valid token belongs to. */
    public record Caller(String tokenId, String connectorId, String accountId) {
    }

    /** Issues a token for one connector of one account. */
    public IssuedToken issue(String connectorId, String accountId) {
        if (connectorId == null || connectorId.isBlank() || accountId == null || accountId.isBlank()) {
            throw new ConfigurationException("A collector token needs a connector id and an account id, got connector '"
                    + connectorId + "' and account '" + accountId + "'");
        }
        byte[] idBytes = new byte[8];
        byte[] secretBytes = new byte[32];
        byte[] salt = new byte[16];
        random.nextBytes(idBytes);
        random.nextBytes(secretBytes);
        random.nextBytes(salt);
        String tokenId = HexFormat.of().formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        String saltHex = HexFormat.of().formatHex(salt);
        store.add(new CollectorToken(tokenId, connectorId, accountId, saltHex, hash(saltHex, secret), clock.instant(), null));
        LOG.info("Issued collector token {} for connector '{}' of account '{}'", tokenId, connectorId, accountId);
        return new IssuedToken(tokenId, connectorId, accountId, new BearerToken("lsc_" + tokenId + "." + secret));
    }

    /**
     * Checks a token.
     *
     * @throws AuthenticationException when the token is malformed, unknown or revoked; the message never
     *                                 contains the token
     */
    public Caller authenticate(BearerToken token) {
        if (token == null) {
            throw new AuthenticationException(REFUSED + ": no token was sent (Authorization: Bearer lsc_…)");
        }
        var m = FORMAT.matcher(token.reveal());
        if (!m.matches()) {
            throw new AuthenticationException(REFUSED + ": it is not a LakeSentry collector token (lsc_<id>.<secret>)");
        }
        String tokenId = m.group(1);
        Optional<CollectorToken> stored = store.find(tokenId);
        String salt = stored.map(CollectorToken::salt).orElse("00000000000000000000000000000000");
        byte[] expected = HexFormat.of().parseHex(stored.map(CollectorToken::hash).orElse(hash(salt, "unknown")));
        byte[] actual = HexFormat.of().parseHex(hash(salt, m.group(2)));
        boolean matches = MessageDigest.isEqual(expected, actual);
        if (stored.isEmpty() || !matches) {
            throw new AuthenticationException(REFUSED + ": unknown token id " + tokenId + " or wrong secret");
        }
        CollectorToken t = stored.get();
        if (t.revokedAt() != null && !t.revokedAt().isAfter(clock.instant())) {
            throw new AuthenticationException(REFUSED + ": token " + tokenId + " was revoked at " + t.revokedAt());
        }
        return new Caller(t.tokenId(), t.connectorId(), t.accountId());
    }

    /**
     * Revokes a token by its id.
     *
     * @return whether a token with that id exists
     */
    public boolean revoke(String tokenId) {
        boolean found = store.revoke(tokenId, clock.instant());
        LOG.info("Revoked collector token {}: {}", tokenId, found ? "done" : "no such token");
        return found;
    }

    private static String hash(String saltHex, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HexFormat.of().parseHex(saltHex));
            sha.update(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
