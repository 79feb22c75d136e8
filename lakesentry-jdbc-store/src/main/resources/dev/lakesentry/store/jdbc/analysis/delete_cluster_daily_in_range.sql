-- Removes one partition of cluster utilisation per day.
DELETE FROM metric_cluster_daily WHERE account_id = :account_id AND usage_day BETWEEN :from_day AND :to_day
