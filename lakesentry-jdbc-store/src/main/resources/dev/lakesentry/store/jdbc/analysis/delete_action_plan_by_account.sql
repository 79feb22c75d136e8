-- Removes the account's rows of plan_action_plan.
DELETE FROM plan_action_plan WHERE account_id = :account_id
