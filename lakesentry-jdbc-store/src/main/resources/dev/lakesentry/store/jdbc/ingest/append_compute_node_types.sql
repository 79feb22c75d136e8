-- Appends rows of system.compute.node_types; the store repeats the VALUES tuple for a multi-row insert.
INSERT INTO raw_compute_node_types (account_id, extraction_id, extraction_seq, row_pos, node_type, core_count, memory_mb, gpu_count, record_json)
VALUES
