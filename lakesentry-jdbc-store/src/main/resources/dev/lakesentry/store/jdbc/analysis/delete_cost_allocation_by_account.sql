-- Removes the account's allocations.
DELETE FROM metric_cost_allocation WHERE account_id = :account_id
