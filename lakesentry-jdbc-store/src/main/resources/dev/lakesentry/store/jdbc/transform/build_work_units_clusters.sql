-- WORK_UNITS: interactive (all-purpose) clusters, created from the UI or the API, in their latest state.
INSERT INTO ledger_work_unit (account_id, work_unit_type, workspace_id, external_id, unit_name, owner_name, tags_json, first_seen, deleted_at)
SELECT account_id, 'INTERACTIVE_CLUSTER', workspace_id, cluster_id, cluster_name, owner_name, tags_json, first_seen, delete_time
FROM (SELECT c.account_id, c.workspace_id, c.cluster_id, c.cluster_name, c.owner_name, c.tags_json, c.delete_time, c.cluster_source,
             MIN(c.valid_from) OVER (PARTITION BY c.workspace_id, c.cluster_id) AS first_seen,
             ROW_NUMBER() OVER (PARTITION BY c.workspace_id, c.cluster_id ORDER BY c.valid_from DESC) AS rn
      FROM ledger_cluster_version c WHERE c.account_id = :account_id) t
WHERE rn = 1 AND cluster_source IN ('UI', 'API')
