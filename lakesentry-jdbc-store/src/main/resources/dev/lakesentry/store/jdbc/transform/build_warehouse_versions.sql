-- REFERENCE: SQL warehouses over time: one row per configuration change, valid until the next change.
INSERT INTO ledger_warehouse_version (account_id, workspace_id, warehouse_id, warehouse_name, warehouse_type, warehouse_size,
    min_clusters, max_clusters, auto_stop_minutes, tags_json, valid_from, valid_to, delete_time)
SELECT account_id, workspace_id, warehouse_id, warehouse_name, warehouse_type, warehouse_size, min_clusters, max_clusters,
       auto_stop_minutes, COALESCE(tags_json, '{}'), change_time,
       LEAD(change_time) OVER (PARTITION BY workspace_id, warehouse_id ORDER BY change_time), delete_time
FROM (SELECT r.account_id, r.workspace_id, r.warehouse_id, r.warehouse_name, r.warehouse_type, r.warehouse_size,
             r.min_clusters, r.max_clusters, r.auto_stop_minutes, r.tags_json, r.change_time, r.delete_time,
             ROW_NUMBER() OVER (PARTITION BY r.workspace_id, r.warehouse_id, r.change_time
                                ORDER BY r.extraction_seq DESC, r.row_pos DESC) AS rn
      FROM raw_compute_warehouses r WHERE r.account_id = :account_id) t
WHERE rn = 1
