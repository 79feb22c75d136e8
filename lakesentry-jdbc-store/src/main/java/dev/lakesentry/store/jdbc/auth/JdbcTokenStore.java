package dev.lakesentry.store.jdbc.auth;

import dev.lakesentry.api.push.CollectorToken;
import dev.lakesentry.api.store.TokenStore;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps collector tokens in {@code auth_collector_token}: the public id, the connector and account, the
 * salt and the salted hash, never the secret.
 *
 * @since 0.1.0
 */
public final class JdbcTokenStore implements TokenStore {
    private static final String TABLE = "auth_collector_token";

    private final Db db;
    private final Binds binds;

    /** A token store over the store's pool; use {@code JdbcStore.tokens()}. */
    public JdbcTokenStore(Db db) {
        this.db = db;
        this.binds = new Binds(db.dialect());
    }

    @Override
    public void add(CollectorToken token) {
        Objects.requireNonNull(token, "token");
        db.inTransaction(TABLE, token.tokenId(), h -> h.createUpdate(db.sql(JdbcTokenStore.class, "insert_token"))
                .bind("token_id", token.tokenId())
                .bind("connector_id", token.connectorId())
                .bind("account_id", token.accountId())
                .bind("salt", token.salt())
                .bind("token_hash", token.hash())
                .bind("created_at", binds.ts(token.createdAt()))
                .execute());
    }

    @Override
    public Optional<CollectorToken> find(String tokenId) {
        return db.withHandle(TABLE, tokenId, h -> h.createQuery(db.sql(JdbcTokenStore.class, "select_token"))
                .bind("token_id", tokenId)
                .map((rs, ctx) -> token(rs))
                .findOne());
    }

    @Override
    public boolean revoke(String tokenId, Instant at) {
        Objects.requireNonNull(at, "at");
        return db.inTransaction(TABLE, tokenId, h -> {
            h.createUpdate(db.sql(JdbcTokenStore.class, "revoke_token"))
                    .bind("token_id", tokenId)
                    .bind("revoked_at", binds.ts(at))
                    .execute();
            return h.createQuery(db.sql(JdbcTokenStore.class, "count_token")).bind("token_id", tokenId)
                    .mapTo(Long.class).one() > 0;
        });
    }

    @Override
    public List<CollectorToken> tokens(String accountId) {
        return db.withHandle(TABLE, accountId, h -> h.createQuery(db.sql(JdbcTokenStore.class, "select_tokens"))
                .bind("account_id", accountId)
                .map((rs, ctx) -> token(rs))
                .list());
    }

    private CollectorToken token(ResultSet rs) throws SQLException {
        return new CollectorToken(rs.getString("token_id"), rs.getString("connector_id"), rs.getString("account_id"),
                rs.getString("salt"), rs.getString("token_hash"), binds.ts(rs, "created_at"), binds.ts(rs, "revoked_at"));
    }
}
