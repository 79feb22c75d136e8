-- Appends rows of system.access.workspaces_latest; the store repeats the VALUES tuple for a multi-row insert.
INSERT INTO raw_access_workspaces_latest (account_id, extraction_id, extraction_seq, row_pos, workspace_id, workspace_name, workspace_url, create_time, status, record_json)
VALUES
