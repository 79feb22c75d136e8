-- Appends rows of system.lakeflow.pipelines through the COPY protocol (text format).
COPY raw_lakeflow_pipelines (account_id, extraction_id, extraction_seq, row_pos, workspace_id, pipeline_id, pipeline_type, name, created_by, run_as, change_time, delete_time, tags_json, record_json) FROM STDIN
