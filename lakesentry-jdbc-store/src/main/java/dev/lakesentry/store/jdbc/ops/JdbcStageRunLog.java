package dev.lakesentry.store.jdbc.ops;

import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageResult;
import dev.lakesentry.api.stage.StageRun;
import dev.lakesentry.api.store.StageRunLog;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stage run log in table {@code ops_stage_run}: appended, never updated. Partitions are kept as
 * {@code from/to} pairs separated by {@code ;}, step rows as {@code name=rows} pairs.
 *
 * @since 0.1.0
 */
public final class JdbcStageRunLog implements StageRunLog {
    private static final String TABLE = "ops_stage_run";

    private final Db db;
    private final Binds b;

    /** A run log over the store's pool; use {@code JdbcStore.stageRunLog()}. */
    public JdbcStageRunLog(Db db) {
        this.db = db;
        this.b = new Binds(db.dialect());
    }

    @Override
    public StageRun append(StageRun run) {
        Objects.requireNonNull(run, "run");
        StageResult r = run.result();
        long position = db.inTransaction(TABLE, r.accountId(), h -> h.createUpdate(db.sql(JdbcStageRunLog.class,
                        "insert_stage_run"))
                .bind("account_id", r.accountId()).bind("stage_name", r.stage().name()).bind("as_of", b.ts(r.asOf()))
                .bind("partitions_text", partitionsText(r.partitions())).bind("rows_in", r.rowsIn())
                .bind("rows_out", r.rowsOut()).bind("step_rows_text", stepRowsText(r.stepRows()))
                .bind("started_at", b.ts(r.startedAt())).bind("finished_at", b.ts(r.finishedAt()))
                .bind("outcome", r.outcome().name()).bind("error_message", r.error()).bind("attempt", run.attempt())
                .bind("failing", run.failing()).bind("process_name", run.process())
                .executeAndReturnGeneratedKeys("run_no")
                .map((rs, ctx) -> rs.getLong(1)).one());
        return run.at(position);
    }

    @Override
    public List<StageRun> recent(String accountId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("recent(..., limit) needs a limit of at least 1, was " + limit);
        }
        return db.withHandle(TABLE, accountId, h -> h.createQuery(db.sql(JdbcStageRunLog.class, "select_stage_run_recent"))
                .bind("account_id", accountId).bind("limit", limit)
                .map((rs, ctx) -> run(rs)).list());
    }

    @Override
    public List<StageRun> since(String accountId, long afterSequence) {
        return db.withHandle(TABLE, accountId, h -> h.createQuery(db.sql(JdbcStageRunLog.class, "select_stage_run_since"))
                .bind("account_id", accountId).bind("after", afterSequence)
                .map((rs, ctx) -> run(rs)).list());
    }

    @Override
    public Optional<StageRun> latest(String accountId, StageName stage, StageOutcome outcome) {
        return db.withHandle(TABLE, accountId, h -> h.createQuery(db.sql(JdbcStageRunLog.class, "select_stage_run_latest"))
                .bind("account_id", accountId).bind("stage_name", stage.name()).bind("outcome", outcome.name())
                .map((rs, ctx) -> run(rs)).findOne());
    }

    private StageRun run(ResultSet rs) throws SQLException {
        String account = rs.getString("account_id");
        StageResult result = new StageResult(StageName.valueOf(rs.getString("stage_name")), account, b.ts(rs, "as_of"),
                partitions(account, rs.getString("partitions_text")), rs.getLong("rows_in"), rs.getLong("rows_out"),
                stepRows(rs.getString("step_rows_text")), b.ts(rs, "started_at"), b.ts(rs, "finished_at"),
                StageOutcome.valueOf(rs.getString("outcome")), rs.getString("error_message"));
        return new StageRun(rs.getLong("run_no"), result, rs.getInt("attempt"), rs.getBoolean("failing"),
                rs.getString("process_name"));
    }

    static String partitionsText(List<Partition> partitions) {
        StringBuilder sb = new StringBuilder();
        for (Partition p : partitions) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(p.from()).append('/').append(p.to());
        }
        return sb.toString();
    }

    static List<Partition> partitions(String account, String text) {
        List<Partition> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String range : text.split(";")) {
            int slash = range.indexOf('/');
            out.add(new Partition(account, LocalDate.parse(range.substring(0, slash)), LocalDate.parse(range.substring(slash + 1))));
        }
        return out;
    }

    static String stepRowsText(Map<String, Long> stepRows) {
        StringBuilder sb = new StringBuilder();
        stepRows.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    static Map<String, Long> stepRows(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split(";")) {
            int eq = pair.lastIndexOf('=');
            out.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return out;
    }
}
