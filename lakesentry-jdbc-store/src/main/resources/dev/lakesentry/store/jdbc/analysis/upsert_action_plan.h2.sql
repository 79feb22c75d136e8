-- Inserts or replaces one row of plan_action_plan (H2).
MERGE INTO plan_action_plan (plan_id, account_id, insight_id, action_type, target_kind, target_workspace_id, target_resource_id, changes_json, saving_amount, saving_currency, risk_tier, reversible, created_at) KEY (plan_id)
VALUES (:plan_id, :account_id, :insight_id, :action_type, :target_kind, :target_workspace_id, :target_resource_id, :changes_json, :saving_amount, :saving_currency, :risk_tier, :reversible, :created_at)
