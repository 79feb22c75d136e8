package dev.lakesentry.store.jdbc.internal;

import dev.lakesentry.api.store.Transactional;
import java.sql.SQLException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * Not API. The base of every writer: unbound, each call is its own transaction; bound (inside
 * {@link #inTransaction}), every call joins the one handle and transaction.
 *
 * @param <W> the writer interface
 */
public abstract class WriterSupport<W> implements Transactional<W> {
    protected final Db db;
    private final Handle bound;

    protected WriterSupport(Db db, Handle bound) {
        this.db = db;
        this.bound = bound;
    }

    /** A writer of the same kind bound to the handle. */
    protected abstract W bindTo(Handle handle);

    @Override
    @SuppressWarnings("unchecked")
    public <T> T inTransaction(Function<? super W, ? extends T> work) {
        if (bound != null) {
            return work.apply((W) this);
        }
        return db.inTransaction(null, null, h -> work.apply(bindTo(h)));
    }

    /** Runs one write atomically: in the bound transaction, or in a transaction of its own. */
    protected <T> T write(String table, String key, HandleCallback<T, SQLException> op) {
        if (bound != null) {
            return db.onHandle(bound, table, key, op);
        }
        return db.inTransaction(table, key, op);
    }
}
