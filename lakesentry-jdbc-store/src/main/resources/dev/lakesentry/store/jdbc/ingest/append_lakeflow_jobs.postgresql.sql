-- Appends rows of system.lakeflow.jobs through the COPY protocol (text format).
COPY raw_lakeflow_jobs (account_id, extraction_id, extraction_seq, row_pos, workspace_id, job_id, name, description, creator_id, change_time, delete_time, run_as, trigger_type, tags_json, record_json) FROM STDIN
