-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_lakeflow_job_task_run_timeline (account_id, extraction_id, extraction_seq, row_pos, workspace_id, job_id, run_id, job_run_id, parent_run_id, period_start_time, period_end_time, task_key, result_state, termination_code, compute_ids_json, record_json)
VALUES
