-- The earliest day with serving requests of one account, on or before a day (NULL when none).
SELECT MIN(usage_day) AS earliest FROM ledger_serving_daily_requests
WHERE account_id = :account_id AND usage_day <= :to_day
