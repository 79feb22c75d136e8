-- Removes one partition of query analytics per warehouse and day.
DELETE FROM metric_warehouse_query_daily WHERE account_id = :account_id AND usage_day BETWEEN :from_day AND :to_day
