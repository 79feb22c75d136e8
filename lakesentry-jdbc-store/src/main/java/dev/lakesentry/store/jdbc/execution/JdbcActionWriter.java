package dev.lakesentry.store.jdbc.execution;

import dev.lakesentry.api.plan.ActionRecord;
import dev.lakesentry.api.store.ActionWriter;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.FieldChanges;
import dev.lakesentry.store.jdbc.internal.WriterSupport;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Appends to the action log. Append-only: there is no update and no delete, and the database refuses both.
 *
 * @since 0.1.0
 */
public final class JdbcActionWriter extends WriterSupport<ActionWriter> implements ActionWriter {
    private final Binds b;

    /** A writer over the store's pool; use {@code JdbcStore.actionWriter()}. */
    public JdbcActionWriter(Db db) {
        this(db, null);
    }

    private JdbcActionWriter(Db db, Handle bound) {
        super(db, bound);
        this.b = new Binds(db.dialect());
    }

    @Override
    protected ActionWriter bindTo(Handle handle) {
        return new JdbcActionWriter(db, handle);
    }

    @Override
    public void append(ActionRecord r) {
        Objects.requireNonNull(r, "record");
        write("action_record", r.id(), h -> h.createUpdate(db.sql(JdbcActionWriter.class, "insert_action_record"))
                .bind("record_id", r.id()).bind("account_id", r.accountId()).bind("plan_id", r.planId())
                .bind("attempt_id", r.attemptId()).bind("exec_mode", r.mode().name()).bind("outcome", r.outcome().name())
                .bind("pre_image_json", FieldChanges.toJson(r.preImage())).bind("message", r.message())
                .bind("actor", r.actor()).bind("event_time", b.ts(r.at()))
                .execute());
    }
}
