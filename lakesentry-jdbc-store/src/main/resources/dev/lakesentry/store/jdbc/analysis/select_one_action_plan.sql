-- Reads one row of plan_action_plan.
SELECT * FROM plan_action_plan WHERE account_id = :account_id AND plan_id = :id
