-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_access_workspaces_latest (account_id, extraction_id, extraction_seq, row_pos, workspace_id, workspace_name, workspace_url, create_time, status, record_json)
VALUES
