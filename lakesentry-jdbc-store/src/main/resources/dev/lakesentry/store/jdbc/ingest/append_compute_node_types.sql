-- Appends rows of one raw table: the store binds one VALUES tuple per row in a JDBC batch.
INSERT INTO raw_compute_node_types (account_id, extraction_id, extraction_seq, row_pos, node_type, core_count, memory_mb, gpu_count, record_json)
VALUES
