-- Appends rows of system.compute.node_types through the COPY protocol (text format).
COPY raw_compute_node_types (account_id, extraction_id, extraction_seq, row_pos, node_type, core_count, memory_mb, gpu_count, record_json) FROM STDIN
