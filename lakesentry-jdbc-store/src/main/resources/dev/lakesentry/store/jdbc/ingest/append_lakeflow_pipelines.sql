-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_lakeflow_pipelines (account_id, extraction_id, extraction_seq, row_pos, workspace_id, pipeline_id, pipeline_type, name, created_by, run_as, change_time, delete_time, tags_json, record_json)
VALUES
