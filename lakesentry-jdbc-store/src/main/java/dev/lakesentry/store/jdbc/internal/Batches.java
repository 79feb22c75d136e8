package dev.lakesentry.store.jdbc.internal;

import dev.lakesentry.api.push.CanonicalRecords;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Not API. Batched inserts of records through one named-parameter statement, and JSON text for maps and lists. */
public final class Batches {
    private Batches() {
    }

    /** Binds one row's named parameters. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedBatch batch, T row);
    }

    /** Inserts every row in one JDBC batch; nothing when the list is empty. */
    public static <T> int insertAll(Handle h, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return 0;
        }
        PreparedBatch batch = h.prepareBatch(sql);
        for (T row : rows) {
            binder.bind(batch, row);
            batch.add();
        }
        batch.execute();
        return rows.size();
    }

    /** The canonical JSON text of a map or list of JSON-like values. */
    public static String json(Object value) {
        return CanonicalRecords.canonicalJson(value == null ? Map.of() : value);
    }
}
