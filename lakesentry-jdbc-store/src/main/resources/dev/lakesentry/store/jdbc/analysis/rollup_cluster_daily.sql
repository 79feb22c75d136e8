-- Rollup: cluster utilisation per day of the partition from the ledger's hours: hours seen, average CPU, the
-- highest hourly p95, average memory, and hours under 5 % CPU.
INSERT INTO metric_cluster_daily (account_id, usage_day, workspace_id, cluster_id, hours, avg_cpu_percent,
    max_p95_cpu_percent, avg_memory_percent, idle_hours)
SELECT u.account_id, CAST(u.hour_start AS DATE), u.workspace_id, u.cluster_id, COUNT(*), AVG(u.avg_cpu_percent),
       MAX(u.p95_cpu_percent), AVG(u.avg_memory_percent), SUM(CASE WHEN u.avg_cpu_percent < 5 THEN 1 ELSE 0 END)
FROM ledger_hourly_utilisation u
WHERE u.account_id = :account_id AND u.hour_start >= :from_time AND u.hour_start < :to_time
GROUP BY u.account_id, CAST(u.hour_start AS DATE), u.workspace_id, u.cluster_id
