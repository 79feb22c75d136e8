-- Rollup: query analytics per warehouse and day of the partition: count, total and nearest-rank p95
-- duration, bytes read, and the warehouse's priced cost that day (cost per query = cost / count).
INSERT INTO metric_warehouse_query_daily (account_id, usage_day, workspace_id, warehouse_id, query_count, total_duration_ms,
    p95_duration_ms, read_bytes, cost)
SELECT q.account_id, q.usage_day, q.workspace_id, q.warehouse_id, COUNT(*), SUM(q.duration_ms),
       MIN(CASE WHEN q.rk >= CEIL(0.95 * q.n) THEN q.duration_ms END), SUM(q.read_bytes),
       COALESCE((SELECT SUM(l.list_cost) FROM ledger_usage_line_item l
                 WHERE l.account_id = q.account_id AND l.usage_date = q.usage_day AND l.workspace_id = q.workspace_id
                   AND l.warehouse_id = q.warehouse_id AND l.price_status = 'PRICED'), 0)
FROM (SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.workspace_id, x.warehouse_id, x.usage_day ORDER BY x.duration_ms, x.statement_id) AS rk,
             COUNT(*) OVER (PARTITION BY x.workspace_id, x.warehouse_id, x.usage_day) AS n
      FROM (SELECT r.account_id, r.workspace_id, r.warehouse_id, r.statement_id, CAST(r.start_time AS DATE) AS usage_day,
                   r.total_duration_nanos / 1000000 AS duration_ms, r.read_bytes
            FROM ledger_query r
            WHERE r.account_id = :account_id AND r.warehouse_id IS NOT NULL
              AND r.start_time >= :from_time AND r.start_time < :to_time) x) q
GROUP BY q.account_id, q.usage_day, q.workspace_id, q.warehouse_id
