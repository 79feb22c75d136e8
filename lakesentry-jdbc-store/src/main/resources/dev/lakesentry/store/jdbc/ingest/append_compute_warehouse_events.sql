-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_compute_warehouse_events (account_id, extraction_id, extraction_seq, row_pos, workspace_id, warehouse_id, event_type, cluster_count, event_time, record_json)
VALUES
