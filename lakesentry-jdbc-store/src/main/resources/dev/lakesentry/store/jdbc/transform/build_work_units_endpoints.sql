-- WORK_UNITS: serving endpoints, from their served entities' latest state.
INSERT INTO ledger_work_unit (account_id, work_unit_type, workspace_id, external_id, unit_name, owner_name, tags_json, first_seen, deleted_at)
SELECT account_id, 'SERVING_ENDPOINT', workspace_id, endpoint_id, endpoint_name, created_by, '{}', first_seen, endpoint_delete_time
FROM (SELECT r.account_id, r.workspace_id, r.endpoint_id, r.endpoint_name, r.created_by, r.endpoint_delete_time,
             MIN(r.change_time) OVER (PARTITION BY r.workspace_id, r.endpoint_id) AS first_seen,
             ROW_NUMBER() OVER (PARTITION BY r.workspace_id, r.endpoint_id
                                ORDER BY r.change_time DESC, r.extraction_seq DESC, r.row_pos DESC) AS rn
      FROM raw_serving_served_entities r WHERE r.account_id = :account_id) t
WHERE rn = 1
