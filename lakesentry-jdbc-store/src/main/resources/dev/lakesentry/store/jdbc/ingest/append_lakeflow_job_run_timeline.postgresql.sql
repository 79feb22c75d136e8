-- Appends rows of system.lakeflow.job_run_timeline through the COPY protocol (text format).
COPY raw_lakeflow_job_run_timeline (account_id, extraction_id, extraction_seq, row_pos, workspace_id, job_id, run_id, period_start_time, period_end_time, trigger_type, run_type, run_name, result_state, termination_code, compute_ids_json, record_json) FROM STDIN
