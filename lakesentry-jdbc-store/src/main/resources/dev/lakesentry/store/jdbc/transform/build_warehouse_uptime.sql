-- WAREHOUSE_UPTIME: each event opens an interval the next event of the same warehouse closes; intervals
-- with running clusters are kept. Events have no id: the natural key is warehouse, type and time.
INSERT INTO ledger_warehouse_uptime (account_id, workspace_id, warehouse_id, start_time, end_time, cluster_count)
SELECT account_id, workspace_id, warehouse_id, event_time, next_time, cluster_count
FROM (SELECT account_id, workspace_id, warehouse_id, event_time, COALESCE(cluster_count, 0) AS cluster_count,
             LEAD(event_time) OVER (PARTITION BY workspace_id, warehouse_id ORDER BY event_time, event_type) AS next_time
      FROM (SELECT r.account_id, r.workspace_id, r.warehouse_id, r.event_type, r.event_time, r.cluster_count,
                   ROW_NUMBER() OVER (PARTITION BY r.workspace_id, r.warehouse_id, r.event_type, r.event_time
                                      ORDER BY r.extraction_seq DESC, r.row_pos DESC) AS rn
            FROM raw_compute_warehouse_events r WHERE r.account_id = :account_id) d
      WHERE rn = 1) t
WHERE next_time IS NOT NULL AND next_time > event_time AND cluster_count > 0
