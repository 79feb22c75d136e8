-- Inserts or replaces one row of plan_action_plan (MariaDB).
INSERT INTO plan_action_plan (plan_id, account_id, insight_id, action_type, target_kind, target_workspace_id, target_resource_id, changes_json, saving_amount, saving_currency, risk_tier, reversible, created_at)
VALUES (:plan_id, :account_id, :insight_id, :action_type, :target_kind, :target_workspace_id, :target_resource_id, :changes_json, :saving_amount, :saving_currency, :risk_tier, :reversible, :created_at)
ON DUPLICATE KEY UPDATE
    account_id = VALUES(account_id),
    insight_id = VALUES(insight_id),
    action_type = VALUES(action_type),
    target_kind = VALUES(target_kind),
    target_workspace_id = VALUES(target_workspace_id),
    target_resource_id = VALUES(target_resource_id),
    changes_json = VALUES(changes_json),
    saving_amount = VALUES(saving_amount),
    saving_currency = VALUES(saving_currency),
    risk_tier = VALUES(risk_tier),
    reversible = VALUES(reversible),
    created_at = VALUES(created_at)
