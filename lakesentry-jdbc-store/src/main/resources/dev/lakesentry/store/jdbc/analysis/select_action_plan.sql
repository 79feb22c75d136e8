-- Reads the account's rows of plan_action_plan, by id.
SELECT * FROM plan_action_plan WHERE account_id = :account_id ORDER BY plan_id
