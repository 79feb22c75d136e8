-- Reads daily costs of one dimension and date range.
SELECT * FROM metric_daily_cost
WHERE account_id = :account_id AND dimension = :dimension AND usage_day BETWEEN :from_day AND :to_day
ORDER BY usage_day, dim_key, currency
