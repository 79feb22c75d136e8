-- Reads ledger_serving_daily_requests of one account and range.
SELECT * FROM ledger_serving_daily_requests
WHERE account_id = :account_id AND usage_day BETWEEN :from_day AND :to_day
ORDER BY workspace_id, endpoint_id, usage_day
