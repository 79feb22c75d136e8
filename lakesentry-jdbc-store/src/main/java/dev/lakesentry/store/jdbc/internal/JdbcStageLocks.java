package dev.lakesentry.store.jdbc.internal;

import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.store.StageLease;
import dev.lakesentry.api.store.StageLocks;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. Stage locks bound to a connection the lease keeps out of the pool: an advisory lock
 * (PostgreSQL), {@code GET_LOCK} (MariaDB) or a row lock in an open transaction (H2). When the holder
 * crashes, its connection (session) ends and the database releases the lock, so no lease blocks forever.
 */
public final class JdbcStageLocks implements StageLocks {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStageLocks.class);

    private final Db db;
    private final Set<Lease> open = ConcurrentHashMap.newKeySet();

    public JdbcStageLocks(Db db) {
        this.db = db;
    }

    @Override
    public Optional<StageLease> tryAcquire(String accountId, StageName stage, String owner) {
        if (accountId == null || accountId.isBlank() || stage == null) {
            throw new IllegalArgumentException("tryAcquire needs an account id and a stage, was '" + accountId + "', " + stage);
        }
        Connection c = null;
        try {
            c = db.dataSource().getConnection();
            String namespace = db.dialect().namespace(c);
            if (!db.dialect().tryLock(c, namespace, accountId, stage)) {
                c.close();
                LOG.debug("Stage lock {} of account {} is held by another holder; {} did not get it", stage, accountId, owner);
                return Optional.empty();
            }
            Lease lease = new Lease(c, namespace, accountId, stage, owner);
            open.add(lease);
            LOG.debug("Stage lock {} of account {} taken by {}", stage, accountId, owner);
            return Optional.of(lease);
        } catch (SQLException e) {
            closeQuietly(c, e);
            throw db.translate(e, "stage lock", accountId + "/" + stage);
        }
    }

    /** Releases every lease still open, when the store closes. */
    public void releaseAll() {
        for (Lease lease : Set.copyOf(open)) {
            lease.close();
        }
    }

    private static void closeQuietly(Connection c, Exception primary) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                primary.addSuppressed(e);
            }
        }
    }

    private final class Lease implements StageLease {
        private final Connection connection;
        private final String namespace;
        private final String accountId;
        private final StageName stage;
        private final String owner;
        private final AtomicBoolean closed = new AtomicBoolean();

        Lease(Connection connection, String namespace, String accountId, StageName stage, String owner) {
            this.connection = connection;
            this.namespace = namespace;
            this.accountId = accountId;
            this.stage = stage;
            this.owner = owner;
        }

        @Override
        public String accountId() {
            return accountId;
        }

        @Override
        public StageName stage() {
            return stage;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            open.remove(this);
            try {
                db.dialect().unlock(connection, namespace, accountId, stage);
                LOG.debug("Stage lock {} of account {} released by {}", stage, accountId, owner);
            } catch (SQLException e) {
                // The lock lives in the connection's session: a connection that cannot unlock is broken, and the
                // database released the lock when the session ended. Evict it so no pooled session keeps a lock.
                LOG.warn("Stage lock {} of account {} held by {}: unlock failed ({}); evicting its connection, which"
                        + " ends the session and so the lock", stage, accountId, owner, e.toString());
                if (db.dataSource() instanceof com.zaxxer.hikari.HikariDataSource hikari) {
                    hikari.evictConnection(connection);
                    return;
                }
            } finally {
                closeConnection();
            }
        }

        private void closeConnection() {
            try {
                if (!connection.isClosed()) {
                    connection.close();
                }
            } catch (SQLException e) {
                LOG.warn("Closing the connection of stage lock {} of account {} failed: {}", stage, accountId, e.toString());
            }
        }

        @Override
        public String toString() {
            return "StageLease[" + accountId + ", " + stage + ", " + owner + "]";
        }
    }
}
