-- Removes the account's daily costs.
DELETE FROM metric_daily_cost WHERE account_id = :account_id
