-- Appends rows of system.lakeflow.jobs; the store repeats the VALUES tuple for a multi-row insert.
INSERT INTO raw_lakeflow_jobs (account_id, extraction_id, extraction_seq, row_pos, workspace_id, job_id, name, description, creator_id, change_time, delete_time, run_as, trigger_type, tags_json, record_json)
VALUES
