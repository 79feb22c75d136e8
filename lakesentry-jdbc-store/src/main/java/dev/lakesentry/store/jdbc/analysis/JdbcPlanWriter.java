package dev.lakesentry.store.jdbc.analysis;

import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.store.PlanWriter;
import dev.lakesentry.store.jdbc.internal.Batches;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.FieldChanges;
import dev.lakesentry.store.jdbc.internal.WriterSupport;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Writes action plans with the dialect's upsert, keyed by the derived plan id.
 *
 * @since 0.1.0
 */
public final class JdbcPlanWriter extends WriterSupport<PlanWriter> implements PlanWriter {
    private final Binds b;

    /** A writer over the store's pool; use {@code JdbcStore.planWriter()}. */
    public JdbcPlanWriter(Db db) {
        this(db, null);
    }

    private JdbcPlanWriter(Db db, Handle bound) {
        super(db, bound);
        this.b = new Binds(db.dialect());
    }

    @Override
    protected PlanWriter bindTo(Handle handle) {
        return new JdbcPlanWriter(db, handle);
    }

    @Override
    public void upsert(List<ActionPlan> plans) {
        List<ActionPlan> rows = List.copyOf(plans);
        String key = rows.isEmpty() ? null : rows.get(0).id() + (rows.size() > 1 ? " (+" + (rows.size() - 1) + ")" : "");
        write("plan_action_plan", key, h -> Batches.insertAll(h, db.sql(JdbcPlanWriter.class, "upsert_action_plan"), rows,
                (q, p) -> q.bind("plan_id", p.id()).bind("account_id", p.accountId()).bind("insight_id", p.insightId())
                        .bind("action_type", p.actionType().value()).bind("target_kind", p.target().kind().name())
                        .bind("target_workspace_id", p.target().workspaceId())
                        .bind("target_resource_id", p.target().resourceId())
                        .bind("changes_json", FieldChanges.toJson(p.changes()))
                        .bind("saving_amount", p.estimatedMonthlySaving().amount())
                        .bind("saving_currency", p.estimatedMonthlySaving().currency().getCurrencyCode())
                        .bind("risk_tier", p.riskTier().name()).bind("reversible", p.reversible())
                        .bind("created_at", b.ts(p.createdAt()))));
    }

    @Override
    public void truncate(String accountId) {
        write("plan_action_plan", accountId, h -> h.createUpdate(db.sql(JdbcPlanWriter.class, "delete_action_plan_by_account"))
                .bind("account_id", accountId).execute());
    }
}
