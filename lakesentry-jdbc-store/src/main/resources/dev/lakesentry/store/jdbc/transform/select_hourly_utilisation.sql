-- Reads ledger_hourly_utilisation of one account and range.
SELECT * FROM ledger_hourly_utilisation
WHERE account_id = :account_id AND hour_start >= :from_time AND hour_start < :to_time
ORDER BY workspace_id, cluster_id, hour_start
