-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_compute_warehouses (account_id, extraction_id, extraction_seq, row_pos, warehouse_id, workspace_id, warehouse_name, warehouse_type, warehouse_channel, warehouse_size, min_clusters, max_clusters, auto_stop_minutes, change_time, delete_time, tags_json, record_json)
VALUES
