-- WORK_UNITS: SQL warehouses in their latest state.
INSERT INTO ledger_work_unit (account_id, work_unit_type, workspace_id, external_id, unit_name, owner_name, tags_json, first_seen, deleted_at)
SELECT account_id, 'SQL_WAREHOUSE', workspace_id, warehouse_id, warehouse_name, NULL, COALESCE(tags_json, '{}'), first_seen, delete_time
FROM (SELECT r.account_id, r.workspace_id, r.warehouse_id, r.warehouse_name, r.tags_json, r.delete_time,
             MIN(r.change_time) OVER (PARTITION BY r.workspace_id, r.warehouse_id) AS first_seen,
             ROW_NUMBER() OVER (PARTITION BY r.workspace_id, r.warehouse_id
                                ORDER BY r.change_time DESC, r.extraction_seq DESC, r.row_pos DESC) AS rn
      FROM raw_compute_warehouses r WHERE r.account_id = :account_id) t
WHERE rn = 1
