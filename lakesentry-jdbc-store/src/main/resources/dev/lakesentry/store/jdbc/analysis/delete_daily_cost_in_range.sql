-- Removes one partition of one dimension's daily costs.
DELETE FROM metric_daily_cost
WHERE account_id = :account_id AND dimension = :dimension AND usage_day BETWEEN :from_day AND :to_day
