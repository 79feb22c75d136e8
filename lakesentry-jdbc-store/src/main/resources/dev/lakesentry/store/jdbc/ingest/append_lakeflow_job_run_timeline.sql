-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_lakeflow_job_run_timeline (account_id, extraction_id, extraction_seq, row_pos, workspace_id, job_id, run_id, period_start_time, period_end_time, trigger_type, run_type, run_name, result_state, termination_code, compute_ids_json, record_json)
VALUES
