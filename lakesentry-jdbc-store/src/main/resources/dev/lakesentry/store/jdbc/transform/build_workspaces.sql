-- REFERENCE: the account's workspaces, the latest copy of each from the workspaces_latest snapshots.
INSERT INTO ledger_workspace (account_id, workspace_id, workspace_name, workspace_url, status, create_time)
SELECT account_id, workspace_id, workspace_name, workspace_url, status, create_time
FROM (SELECT r.account_id, r.workspace_id, r.workspace_name, r.workspace_url, r.status, r.create_time,
             ROW_NUMBER() OVER (PARTITION BY r.workspace_id ORDER BY r.extraction_seq DESC, r.row_pos DESC) AS rn
      FROM raw_access_workspaces_latest r WHERE r.account_id = :account_id) t
WHERE rn = 1
