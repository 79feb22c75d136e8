package dev.lakesentry.store.jdbc.execution;

import dev.lakesentry.api.plan.ActionOutcome;
import dev.lakesentry.api.plan.ActionRecord;
import dev.lakesentry.api.plan.ExecutionMode;
import dev.lakesentry.api.store.ActionReader;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.FieldChanges;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Reads the action log, oldest first (ties in the order they were appended).
 *
 * @since 0.1.0
 */
public final class JdbcActionReader implements ActionReader {
    private final Db db;
    private final Binds b;

    /** A reader over the store's pool; use {@code JdbcStore.actionReader()}. */
    public JdbcActionReader(Db db) {
        this.db = db;
        this.b = new Binds(db.dialect());
    }

    @Override
    public List<ActionRecord> records(String accountId) {
        return db.withHandle("action_record", accountId, h -> h.createQuery(db.sql(JdbcActionReader.class, "select_action_record"))
                .bind("account_id", accountId)
                .map((rs, ctx) -> record(rs))
                .list());
    }

    @Override
    public List<ActionRecord> recordsSince(String accountId, Instant since) {
        return db.withHandle("action_record", accountId, h -> h.createQuery(db.sql(JdbcActionReader.class,
                        "select_action_record_since"))
                .bind("account_id", accountId).bind("since", b.ts(since))
                .map((rs, ctx) -> record(rs))
                .list());
    }

    private ActionRecord record(ResultSet rs) throws SQLException {
        return new ActionRecord(rs.getString("record_id"), rs.getString("account_id"), rs.getString("plan_id"),
                rs.getString("attempt_id"), ExecutionMode.valueOf(rs.getString("exec_mode")),
                ActionOutcome.valueOf(rs.getString("outcome")), FieldChanges.fromJson(rs.getString("pre_image_json")),
                rs.getString("message"), rs.getString("actor"), b.ts(rs, "event_time"));
    }
}
