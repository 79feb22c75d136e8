-- UTILISATION: per cluster and hour of the partition, from the node timeline's minute samples (latest copy
-- each): average and nearest-rank 95th percentile of CPU (user + system), average memory, nodes, samples.
INSERT INTO ledger_hourly_utilisation (account_id, workspace_id, cluster_id, hour_start, avg_cpu_percent, p95_cpu_percent,
    avg_memory_percent, node_count, samples)
SELECT account_id, workspace_id, cluster_id, hour_start, AVG(cpu), MIN(CASE WHEN rk >= CEIL(0.95 * n) THEN cpu END),
       AVG(mem), COUNT(DISTINCT instance_id), COUNT(*)
FROM (SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.workspace_id, s.cluster_id, s.hour_start ORDER BY s.cpu, s.instance_id) AS rk,
             COUNT(*) OVER (PARTITION BY s.workspace_id, s.cluster_id, s.hour_start) AS n
      FROM (SELECT x.account_id, x.workspace_id, x.cluster_id, x.instance_id, CAST(DATE_FORMAT(x.start_time, '%Y-%m-%d %H:00:00') AS DATETIME(6)) AS hour_start,
                   LEAST(100.0, GREATEST(0.0, COALESCE(x.cpu_user_percent, 0) + COALESCE(x.cpu_system_percent, 0))) AS cpu,
                   LEAST(100.0, GREATEST(0.0, COALESCE(x.mem_used_percent, 0))) AS mem
            FROM (SELECT r.account_id, r.workspace_id, r.cluster_id, r.instance_id, r.start_time, r.cpu_user_percent,
                         r.cpu_system_percent, r.mem_used_percent,
                         ROW_NUMBER() OVER (PARTITION BY r.cluster_id, r.instance_id, r.start_time
                                            ORDER BY r.extraction_seq DESC, r.row_pos DESC) AS rn
                  FROM raw_compute_node_timeline r
                  WHERE r.account_id = :account_id AND r.start_time >= :from_time AND r.start_time < :to_time) x
            WHERE x.rn = 1) s) t
GROUP BY account_id, workspace_id, cluster_id, hour_start
