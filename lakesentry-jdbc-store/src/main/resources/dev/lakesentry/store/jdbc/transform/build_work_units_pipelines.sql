-- WORK_UNITS: pipelines in their latest state.
INSERT INTO ledger_work_unit (account_id, work_unit_type, workspace_id, external_id, unit_name, owner_name, tags_json, first_seen, deleted_at)
SELECT account_id, 'PIPELINE', workspace_id, pipeline_id, name, COALESCE(run_as, created_by), COALESCE(tags_json, '{}'), first_seen, delete_time
FROM (SELECT r.account_id, r.workspace_id, r.pipeline_id, r.name, r.run_as, r.created_by, r.tags_json, r.delete_time,
             MIN(r.change_time) OVER (PARTITION BY r.workspace_id, r.pipeline_id) AS first_seen,
             ROW_NUMBER() OVER (PARTITION BY r.workspace_id, r.pipeline_id
                                ORDER BY r.change_time DESC, r.extraction_seq DESC, r.row_pos DESC) AS rn
      FROM raw_lakeflow_pipelines r WHERE r.account_id = :account_id) t
WHERE rn = 1
