package dev.lakesentry.store.jdbc.internal;

import dev.lakesentry.api.ConflictException;
import dev.lakesentry.api.StoreException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Not API. What every DAO of the store shares: the Jdbi instance over the pool, the dialect and the masked
 * URL, with transactions that turn database failures into {@link StoreException}s naming the table and key.
 */
public final class Db {
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final DataSource dataSource;
    private final String maskedUrl;

    public Db(DataSource dataSource, Dialect dialect, String maskedUrl) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.jdbi.setTemplateEngine(TemplateEngine.NOP);
        // Partition deletes bind both day and instant bounds; each statement uses the pair it needs.
        this.jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).setUnusedBindingAllowed(true);
        // Every decimal bound through Jdbi is checked to fit DECIMAL(38,18) exactly, never rounded.
        this.jdbi.registerArgument(new org.jdbi.v3.core.argument.AbstractArgumentFactory<java.math.BigDecimal>(
                java.sql.Types.DECIMAL) {
            @Override
            protected org.jdbi.v3.core.argument.Argument build(java.math.BigDecimal value,
                                                                org.jdbi.v3.core.config.ConfigRegistry config) {
                java.math.BigDecimal exact = Binds.exact(value);
                return (position, statement, ctx) -> statement.setBigDecimal(position, exact);
            }
        });
        this.dialect = dialect;
        this.maskedUrl = maskedUrl;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL with any password masked. */
    public String maskedUrl() {
        return maskedUrl;
    }

    /** The SQL statement {@code name} of the anchor's package, in this store's dialect. */
    public String sql(Class<?> anchor, String name) {
        return Sql.load(anchor, name, dialect);
    }

    /** Runs {@code work} in a new transaction; failures roll back and surface as {@link StoreException}. */
    public <T> T inTransaction(String table, String key, HandleCallback<T, SQLException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (StoreException | ConflictException e) {
            throw e;
        } catch (JdbiException | SQLException e) {
            throw translate(e, table, key);
        }
    }

    /** Runs {@code work} on a handle outside a transaction (reads). */
    public <T> T withHandle(String table, String key, HandleCallback<T, SQLException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (StoreException | ConflictException e) {
            throw e;
        } catch (JdbiException | SQLException e) {
            throw translate(e, table, key);
        }
    }

    /** Runs {@code work} on a handle already in a transaction; failures surface as {@link StoreException}. */
    public <T> T onHandle(Handle handle, String table, String key, HandleCallback<T, SQLException> work) {
        try {
            return work.withHandle(handle);
        } catch (StoreException | ConflictException e) {
            throw e;
        } catch (JdbiException | SQLException e) {
            throw translate(e, table, key);
        }
    }

    /** A store exception naming the table, the key and what the database said. */
    public StoreException translate(Exception e, String table, String key) {
        SQLException sql = sqlCause(e);
        String where = (table == null ? "" : " on table " + table) + (key == null ? "" : " for key '" + key + "'");
        String what;
        boolean files = maskedUrl != null && maskedUrl.startsWith("jdbc:h2:file:");
        java.io.IOException io = files ? ioCause(e) : null;
        if (io != null) {
            // The database's own files failed (an embedded store on a full or read-only disk): name them.
            return new StoreException("Cannot write the store's files at " + maskedUrl + where + ": " + io.getMessage()
                    + " (free space or make the directory writable, then run again; committed data is kept)", table, key, e);
        }
        if (files && sql != null && sql.getErrorCode() == H2_READ_ONLY) {
            return new StoreException("The store's files at " + maskedUrl + " are read-only" + where
                    + " (make the directory writable, then run again; committed data is kept)", table, key, e);
        }
        if (sql instanceof SQLTransientConnectionException || (sql != null && sql.getSQLState() != null
                && sql.getSQLState().startsWith("08"))) {
            what = "Lost the connection to " + maskedUrl;
        } else if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
            what = "Constraint violated";
        } else {
            what = "Store operation failed";
        }
        String detail = sql != null ? sql.getMessage() : e.getMessage();
        return new StoreException(what + where + ": " + detail, table, key, e);
    }

    /** H2's "database is read only" (its files were not writable when it opened them). */
    private static final int H2_READ_ONLY = 90097;

    /**
     * The first I/O failure behind {@code e}: H2 may keep it behind a cause, a suppressed exception or a batch's
     * next exception, with circular references, so the search remembers what it has seen.
     */
    private static java.io.IOException ioCause(Throwable e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        todo.add(e);
        while (!todo.isEmpty() && seen.size() < 100) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof java.io.IOException io) {
                return io;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(java.util.Arrays.asList(t.getSuppressed()));
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return null;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }
}
