-- Inserts one ledger_hourly_utilisation row; partition rewrites delete first, in the same transaction.
INSERT INTO ledger_hourly_utilisation (account_id, workspace_id, cluster_id, hour_start, avg_cpu_percent, p95_cpu_percent, avg_memory_percent, node_count, samples)
VALUES (:account_id, :workspace_id, :cluster_id, :hour_start, :avg_cpu_percent, :p95_cpu_percent, :avg_memory_percent, :node_count, :samples)
