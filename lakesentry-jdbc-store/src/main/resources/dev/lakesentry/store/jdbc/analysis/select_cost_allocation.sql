-- Reads allocations of a date range.
SELECT * FROM metric_cost_allocation
WHERE account_id = :account_id AND usage_date BETWEEN :from_day AND :to_day
ORDER BY usage_date, record_id, owner_kind, owner_name, rule_id
