package dev.lakesentry.store.jdbc.analysis;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.RiskTier;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import dev.lakesentry.api.store.PlanReader;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.FieldChanges;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Reads action plans, one account at a time, by id.
 *
 * @since 0.1.0
 */
public final class JdbcPlanReader implements PlanReader {
    private final Db db;
    private final Binds b;

    /** A reader over the store's pool; use {@code JdbcStore.planReader()}. */
    public JdbcPlanReader(Db db) {
        this.db = db;
        this.b = new Binds(db.dialect());
    }

    @Override
    public Optional<ActionPlan> plan(String accountId, String planId) {
        return db.withHandle("plan_action_plan", planId, h -> h.createQuery(db.sql(JdbcPlanReader.class,
                        "select_one_action_plan"))
                .bind("account_id", accountId).bind("id", planId)
                .map((rs, ctx) -> plan(rs))
                .findOne());
    }

    @Override
    public List<ActionPlan> plans(String accountId) {
        return db.withHandle("plan_action_plan", accountId, h -> h.createQuery(db.sql(JdbcPlanReader.class,
                        "select_action_plan"))
                .bind("account_id", accountId)
                .map((rs, ctx) -> plan(rs))
                .list());
    }

    private ActionPlan plan(ResultSet rs) throws SQLException {
        return new ActionPlan(rs.getString("plan_id"), rs.getString("account_id"), rs.getString("insight_id"),
                new ActionType(rs.getString("action_type")),
                new Target(TargetKind.valueOf(rs.getString("target_kind")), rs.getString("target_workspace_id"),
                        rs.getString("target_resource_id")),
                FieldChanges.fromJson(rs.getString("changes_json")),
                new Money(Binds.decimal(rs, "saving_amount"), Currency.getInstance(rs.getString("saving_currency"))),
                RiskTier.valueOf(rs.getString("risk_tier")), rs.getBoolean("reversible"), b.ts(rs, "created_at"));
    }
}
