-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_lakeflow_jobs (account_id, extraction_id, extraction_seq, row_pos, workspace_id, job_id, name, description, creator_id, change_time, delete_time, run_as, trigger_type, tags_json, record_json)
VALUES
