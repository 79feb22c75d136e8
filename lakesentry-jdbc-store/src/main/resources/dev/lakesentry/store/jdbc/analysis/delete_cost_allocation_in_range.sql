-- Removes one partition of allocations.
DELETE FROM metric_cost_allocation
WHERE account_id = :account_id AND usage_date BETWEEN :from_day AND :to_day
