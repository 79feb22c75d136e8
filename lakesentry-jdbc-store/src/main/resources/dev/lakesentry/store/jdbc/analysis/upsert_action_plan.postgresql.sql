-- Inserts or replaces one row of plan_action_plan (PostgreSQL).
INSERT INTO plan_action_plan (plan_id, account_id, insight_id, action_type, target_kind, target_workspace_id, target_resource_id, changes_json, saving_amount, saving_currency, risk_tier, reversible, created_at)
VALUES (:plan_id, :account_id, :insight_id, :action_type, :target_kind, :target_workspace_id, :target_resource_id, :changes_json, :saving_amount, :saving_currency, :risk_tier, :reversible, :created_at)
ON CONFLICT (plan_id) DO UPDATE SET
    account_id = EXCLUDED.account_id,
    insight_id = EXCLUDED.insight_id,
    action_type = EXCLUDED.action_type,
    target_kind = EXCLUDED.target_kind,
    target_workspace_id = EXCLUDED.target_workspace_id,
    target_resource_id = EXCLUDED.target_resource_id,
    changes_json = EXCLUDED.changes_json,
    saving_amount = EXCLUDED.saving_amount,
    saving_currency = EXCLUDED.saving_currency,
    risk_tier = EXCLUDED.risk_tier,
    reversible = EXCLUDED.reversible,
    created_at = EXCLUDED.created_at
