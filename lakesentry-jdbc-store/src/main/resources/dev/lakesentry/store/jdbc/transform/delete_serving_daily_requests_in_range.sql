-- Removes one partition of ledger_serving_daily_requests.
DELETE FROM ledger_serving_daily_requests
WHERE account_id = :account_id AND usage_day BETWEEN :from_day AND :to_day
